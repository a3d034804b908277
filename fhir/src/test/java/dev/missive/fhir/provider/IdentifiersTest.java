package dev.missive.fhir.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.Identifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    private static final Identifier MRN = new Identifier("https://ehr.example.org/mrn", "MRN-1");

    @Test
    void ifNoneExistNamesOneIdentifierWithOrWithoutTypeAndEncoding() {
        assertEquals(MRN, Identifiers.ifNoneExist("identifier=https://ehr.example.org/mrn|MRN-1"));
        assertEquals(MRN, Identifiers.ifNoneExist("Patient?identifier=https%3A%2F%2Fehr.example.org%2Fmrn%7CMRN-1"));
        assertEquals(new Identifier(null, "MRN-1"), Identifiers.ifNoneExist("identifier=MRN-1"));
        assertEquals(new Identifier(null, "MRN-1"), Identifiers.ifNoneExist("identifier=|MRN-1"));
        assertNull(Identifiers.ifNoneExist(null));
    }

    @Test
    void anyOtherConditionIsRefused() {
        for (String condition : List.of(
                "name=Alice",
                "identifier=a|1&name=Alice",
                "identifier=a|1&identifier=b|2",
                "identifier=a|",
                "identifier=")) {
            assertThrows(InvalidRequestException.class, () -> Identifiers.ifNoneExist(condition), condition);
        }
    }

    @Test
    void theSearchParameterNamesASystemOrAnySystem() {
        assertEquals(MRN, Identifiers.of(new TokenParam("https://ehr.example.org/mrn", "MRN-1")));
        assertEquals(new Identifier(null, "MRN-1"), Identifiers.of(new TokenParam(null, "MRN-1")));
        assertNull(Identifiers.of(null));
        assertThrows(
                InvalidRequestException.class, () -> Identifiers.of(new TokenParam("https://ehr.example.org/mrn", "")));
    }
}
