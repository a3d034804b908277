package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RDF, which HAPI knows and Missive does not serve (found by the fuzzer: _format=ttl was a 500). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServedFormatsTest {

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint();

    @Test
    void anAnswerInRdfIs406() throws Exception {
        assertRefused(endpoint.send(endpoint.anonymous("metadata?_format=ttl").GET()), 406);
        assertRefused(
                endpoint.send(endpoint.anonymous("metadata")
                        .header("Accept", "text/turtle")
                        .GET()),
                406);
    }

    @Test
    void anErrorMetBeforeTheCheckIsWrittenInJsonToo() throws Exception {
        // HAPI refuses a path it cannot read before a handler is chosen, and wrote that in RDF: a 500
        HttpResponse<byte[]> response = endpoint.send(
                endpoint.request("Communication/x/$close/y/z?_format=ttl").GET());

        assertRefused(response, 400);
    }

    @Test
    void aBodyInRdfIs415() throws Exception {
        HttpResponse<byte[]> response = endpoint.send(endpoint.request("Communication")
                .header("Content-Type", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString("@prefix fhir: <http://hl7.org/fhir/> .")));

        assertRefused(response, 415);
    }

    private void assertRefused(HttpResponse<byte[]> response, int status) {
        assertEquals(status, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(
                OperationOutcome.IssueSeverity.ERROR,
                endpoint.parse(OperationOutcome.class, response)
                        .getIssueFirstRep()
                        .getSeverity());
    }
}
