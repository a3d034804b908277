package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditedQueryTest {

    @Test
    void searchTextsNamesAndIdentifiersKeepTheirNameOnly() {
        String query = AuditedQuery.of(Map.of(
                "_content", new String[] {"chest pain marker"},
                "name", new String[] {"Moreau"},
                "identifier", new String[] {"urn:oid:1.2|MRN-1001"},
                "part-of:missing", new String[] {"true"},
                "_count", new String[] {"20"},
                "category", new String[] {"test-results", "billing"}));

        assertEquals("_content&_count=20&category=test-results,billing&identifier&name&part-of:missing=true", query);
        assertFalse(query.contains("chest") || query.contains("Moreau") || query.contains("MRN"), query);
    }

    @Test
    void anUnknownParameterKeepsItsNameOnly() {
        assertEquals(
                "_text&topic",
                AuditedQuery.of(Map.of("topic", new String[] {"my knee"}, "_text", new String[] {"knee"})));
    }

    @Test
    void noParametersIsNoQuery() {
        assertNull(AuditedQuery.of(Map.of()));
        assertNull(AuditedQuery.of(null));
    }

    @Test
    void interactionsAreRestfulInteractionCodes() {
        assertEquals("read", AuditInterceptor.interaction(RestOperationTypeEnum.READ, "GET"));
        assertEquals("search-type", AuditInterceptor.interaction(RestOperationTypeEnum.SEARCH_TYPE, "GET"));
        assertEquals("search-type", AuditInterceptor.interaction(RestOperationTypeEnum.GET_PAGE, "GET"));
        assertEquals(
                "operation", AuditInterceptor.interaction(RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE, "POST"));
        assertEquals("capabilities", AuditInterceptor.interaction(RestOperationTypeEnum.METADATA, "GET"));
        assertEquals("http-put", AuditInterceptor.interaction(null, "PUT"));
    }
}
