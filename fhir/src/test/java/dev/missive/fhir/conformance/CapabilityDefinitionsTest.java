package dev.missive.fhir.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.missive.fhir.MissiveFhir;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.junit.jupiter.api.Test;

class CapabilityDefinitionsTest {

    private static final String GENERATED = "http://localhost/fhir/OperationDefinition/";

    @Test
    void operationsAndCustomSearchParametersPointAtMissivesDefinitionsByName() {
        CapabilityStatement statement = new CapabilityStatement();
        CapabilityStatementRestResourceComponent communication =
                statement.addRest().addResource().setType("Communication");
        communication.addOperation().setName("retract").setDefinition(GENERATED + "Communication-i-retract");
        communication.addOperation().setName("export-messages").setDefinition(GENERATED + "Communication-i-export");
        communication.addSearchParam().setName("archived").setType(SearchParamType.TOKEN);
        communication.addSearchParam().setName("part-of").setType(SearchParamType.REFERENCE);
        CapabilityStatementRestResourceComponent patient =
                statement.getRestFirstRep().addResource().setType("Patient");
        patient.addOperation().setName("message-recipients").setDefinition(GENERATED + "Patient-i-message-recipients");
        patient.addSearchParam().setName("archived").setType(SearchParamType.TOKEN);

        new CapabilityDefinitions(ConformanceResources.load()).link(statement);

        assertEquals(
                MissiveFhir.BASE + "/OperationDefinition/Communication-retract",
                communication.getOperation().get(0).getDefinition());
        assertFalse(communication.getOperation().get(0).getDocumentation().isBlank(), "documented from the definition");
        assertEquals(
                GENERATED + "Communication-i-export",
                communication.getOperation().get(1).getDefinition(),
                "an operation without a Missive definition keeps HAPI's");
        assertEquals(
                MissiveFhir.BASE + "/SearchParameter/Communication-archived",
                communication.getSearchParam().get(0).getDefinition());
        assertFalse(communication.getSearchParam().get(1).hasDefinition(), "a standard parameter is left alone");
        assertEquals(
                MissiveFhir.BASE + "/OperationDefinition/Patient-message-recipients",
                patient.getOperationFirstRep().getDefinition());
        assertFalse(patient.getSearchParamFirstRep().hasDefinition(), "archived is defined on Communication only");
    }
}
