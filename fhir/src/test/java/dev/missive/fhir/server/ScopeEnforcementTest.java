package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.fhir.smart.RequestedAccess;
import dev.missive.service.NotFoundException;
import dev.missive.thread.ThreadOrMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A token's SMART scopes bound what its caller may ask, before any handler or service runs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeEnforcementTest {

    private static final TestToken READ_ONLY = TestToken.PRACTITIONER.withScope("openid user/Communication.rs");

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(new ReadingServiceStub() {
        @Override
        public ThreadOrMessage communication(String id) {
            throw new NotFoundException("Communication", id);
        }
    });

    @Test
    void aReadOnlyTokenReadsButCannotWrite() throws Exception {
        assertEquals(
                404, send(endpoint.request("Communication/t1", READ_ONLY).GET()).statusCode(), "read: let through");
        HttpResponse<byte[]> write = send(endpoint.request("Communication", READ_ONLY)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"resourceType\":\"Communication\",\"status\":\"completed\"}")));
        assertRefused(write, "user/Communication.c");
        assertRefused(
                send(endpoint.request("Communication/t1/$close", READ_ONLY).POST(HttpRequest.BodyPublishers.noBody())),
                "user/Communication.u");
    }

    @Test
    void aBinaryIsCheckedBeforeItIsStreamed() throws Exception {
        TestToken messagesOnly = TestToken.PRACTITIONER.withScope("user/Communication.cruds");
        HttpResponse<byte[]> upload = send(endpoint.request("Binary", messagesOnly)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofString("%PDF-1.4")));
        assertRefused(upload, "user/Binary.c");
        assertRefused(send(endpoint.request("Binary/b1", messagesOnly).GET()), "user/Binary.r");
    }

    @Test
    void aTransactionCarryingAConsentNeedsAConsentScopeToo() throws Exception {
        TestToken messagesOnly = new TestToken("alice", "patient", "patient/Communication.crus");
        String transaction = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + "{\"fullUrl\":\"urn:uuid:11111111-1111-4111-8111-111111111111\","
                + "\"resource\":{\"resourceType\":\"Consent\",\"status\":\"active\"},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"Consent\"}}]}";
        // no service is stubbed: a write that got past the check would be a 500, not a 403
        assertRefused(
                send(endpoint.request("", messagesOnly)
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(transaction))),
                "patient/Consent.c");
    }

    @Test
    void aTokenWithoutAResourceScopeIsRefusedAllButTheConformanceDocuments() throws Exception {
        TestToken signInOnly = TestToken.PRACTITIONER.withScope("openid profile email");
        assertRefused(
                send(endpoint.request("Communication?part-of:missing=true", signInOnly)
                        .GET()),
                "user/Communication.s");
        assertEquals(
                200, send(endpoint.request("CodeSystem/rule", signInOnly).GET()).statusCode());
        assertEquals(200, send(endpoint.request("metadata", signInOnly).GET()).statusCode());
    }

    @Test
    void aScopeOfAContextTheCallersRoleDoesNotFitGrantsNothing() throws Exception {
        for (String scope : List.of("patient/*.cruds", "system/*.cruds")) {
            assertEquals(
                    403,
                    send(endpoint.request("Communication/t1", TestToken.PRACTITIONER.withScope(scope))
                                    .GET())
                            .statusCode(),
                    scope);
        }
        TestToken patient = new TestToken("alice", "patient", "patient/Communication.rs");
        assertEquals(
                404, send(endpoint.request("Communication/t1", patient).GET()).statusCode());
    }

    @Test
    void everyOperationTheServerOffersSaysWhatItDoes() throws Exception {
        CapabilityStatement statement = endpoint.parse(CapabilityStatement.class, endpoint.get("metadata"));
        List<String> unknown = new ArrayList<>();
        List<CapabilityStatementRestResourceOperationComponent> operations =
                new ArrayList<>(statement.getRestFirstRep().getOperation());
        for (CapabilityStatementRestResourceComponent resource :
                statement.getRestFirstRep().getResource()) {
            operations.addAll(resource.getOperation());
        }
        for (CapabilityStatementRestResourceOperationComponent operation : operations) {
            if (RequestedAccess.ofOperation("$" + operation.getName()).isEmpty()) {
                unknown.add(operation.getName());
            }
        }
        assertTrue(operations.size() >= 10, "the operations are listed: " + operations.size());
        assertEquals(List.of(), unknown, "operations that would need a wildcard scope");
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return endpoint.send(request);
    }

    private void assertRefused(HttpResponse<byte[]> response, String neededScope) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(403, response.statusCode(), body);
        OperationOutcome outcome = endpoint.parse(OperationOutcome.class, response);
        assertTrue(outcome.getIssueFirstRep().getDiagnostics().contains(neededScope), body);
    }
}
