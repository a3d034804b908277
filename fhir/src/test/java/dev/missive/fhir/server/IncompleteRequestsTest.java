package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes without a body or without an id (found by the fuzzer, benchmark/fuzz.sh): a 400 before
 * any provider runs, where the providers were handed nothing and answered 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncompleteRequestsTest {

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint();

    @Test
    void aCreateOrTransactionWithoutABodyIs400() throws Exception {
        for (String path : new String[] {"Communication", "Patient", "Consent", ""}) {
            // no body and so no Content-Type, as curl -X POST sends it: HAPI hands the provider a null resource
            HttpResponse<byte[]> response =
                    endpoint.send(endpoint.request(path).POST(HttpRequest.BodyPublishers.noBody()));

            assertRefused(response, "The request has no body: it needs the resource it writes");
        }
    }

    @Test
    void anUpdateWithoutABodyIs400() throws Exception {
        HttpResponse<byte[]> response =
                endpoint.send(endpoint.request("Communication/a-draft").PUT(HttpRequest.BodyPublishers.noBody()));

        assertRefused(response, "The request has no body: it needs the resource it writes");
    }

    @Test
    void anUpdateOrDeleteWithoutAnIdIs400() throws Exception {
        HttpResponse<byte[]> update = endpoint.send(
                endpoint.request("Communication?status=preparation").PUT(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> delete =
                endpoint.send(endpoint.request("Communication").DELETE());

        assertRefused(update, "A PUT names the resource it writes: {type}/{id}");
        assertRefused(delete, "A DELETE names the resource it writes: {type}/{id}");
    }

    private void assertRefused(HttpResponse<byte[]> response, String diagnostics) {
        assertEquals(400, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(
                diagnostics,
                endpoint.parse(OperationOutcome.class, response)
                        .getIssueFirstRep()
                        .getDiagnostics());
    }
}
