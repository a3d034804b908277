package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests HAPI fails to read before any of Missive's code runs (found by the fuzzer,
 * benchmark/fuzz.sh): the client's error, a 400 that names no class, not a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreadableRequestsTest {

    private static final TestToken ADMIN = new TestToken("admin", "clinic-admin", "user/*.cruds");

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint();

    @Test
    void aBodyHapisParserFailsOnIs400() throws Exception {
        // an extension that is a string, not an object: HAPI's JSON parser meets a null where it expects one
        HttpResponse<byte[]> response = endpoint.send(endpoint.request("Patient/someone")
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"resourceType\":\"Patient\",\"id\":\"someone\",\"extension\":[\"x\"]}")));

        assertBadRequest(response, "The body is not a FHIR resource that can be read");
    }

    @Test
    void aCharsetNobodyKnowsIs400() throws Exception {
        HttpResponse<byte[]> response = endpoint.send(endpoint.request("Communication")
                .header("Content-Type", "application/fhir+json; charset=bogus")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Communication\"}")));

        assertBadRequest(response, "The charset the Content-Type names is not supported");
    }

    @Test
    void aSearchValueOfTheWrongFormatIs400() throws Exception {
        HttpResponse<byte[]> response = endpoint.send(
                endpoint.request("AuditEvent?date=99999999999999999999", ADMIN).GET());

        assertEquals(400, response.statusCode(), () -> body(response));
        assertFalse(body(response).contains("Exception"), body(response));
    }

    @Test
    void hapisRefusalNamesNoClass() throws Exception {
        // HAPI-1834: NDJsonParser can only parse to Bundle types. Received org.hl7.fhir.r4.model.Communication
        HttpResponse<byte[]> response = endpoint.send(endpoint.request("Communication")
                .header("Content-Type", "application/fhir+ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Communication\"}")));

        assertEquals(400, response.statusCode(), () -> body(response));
        assertFalse(body(response).contains("org.hl7"), body(response));
        assertTrue(body(response).contains("Received Communication"), body(response));
    }

    private void assertBadRequest(HttpResponse<byte[]> response, String diagnostics) {
        assertEquals(400, response.statusCode(), () -> body(response));
        OperationOutcome outcome = endpoint.parse(OperationOutcome.class, response);
        assertEquals(diagnostics, outcome.getIssueFirstRep().getDiagnostics());
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
