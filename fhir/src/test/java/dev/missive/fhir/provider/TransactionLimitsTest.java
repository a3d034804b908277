package dev.missive.fhir.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import dev.missive.fhir.server.StubbedEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A transaction too large, or naming two entries alike, is refused before anything is written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionLimitsTest {

    /** No services at all: a refusal that reached one would fail as unstubbed (a 500), not a 400. */
    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint();

    @Test
    void moreEntriesThanTheCapAreRefused() throws Exception {
        HttpResponse<byte[]> response = post(transaction(TransactionProvider.MAX_ENTRIES + 1, false));

        assertEquals(400, response.statusCode());
        assertTrue(body(response).contains("at most " + TransactionProvider.MAX_ENTRIES + " entries"), body(response));
    }

    @Test
    void twoEntriesWithOneFullUrlAreRefused() throws Exception {
        HttpResponse<byte[]> response = post(transaction(2, true));

        assertEquals(400, response.statusCode());
        assertTrue(body(response).contains("one fullUrl"), body(response));
    }

    private static Bundle transaction(int entries, boolean sameFullUrl) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (int i = 0; i < entries; i++) {
            bundle.addEntry()
                    .setFullUrl("urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", sameFullUrl ? 0 : i))
                    .setResource(new Communication().setStatus(Communication.CommunicationStatus.INPROGRESS))
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Communication");
        }
        return bundle;
    }

    private HttpResponse<byte[]> post(Bundle bundle) throws Exception {
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
        return endpoint.send(endpoint.request("")
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
