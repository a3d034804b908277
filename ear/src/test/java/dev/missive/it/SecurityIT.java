package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** Default deny and clean refusals: what a caller gets when the request is not right. */
class SecurityIT extends MissiveIT {

    @Test
    void noTokenOrABadTokenIs401WithAnOperationOutcome() {
        for (Fhir client :
                List.of(Fhir.anonymous(), Fhir.withToken("not-a-token"), Fhir.withToken(Tokens.of("alice") + "x"))) {
            for (String path : List.of("Communication?part-of:missing=true", "Patient/alice", "AuditEvent")) {
                Fhir.Response response = client.get(path);
                assertEquals(401, response.status(), path + " " + response);
                assertTrue(response.contentType().startsWith("application/fhir+json"), response.contentType());
                assertEquals(
                        OperationOutcome.IssueType.LOGIN,
                        response.outcome().getIssueFirstRep().getCode());
            }
        }
    }

    @Test
    void malformedBodiesAre400AndWriteNothing() {
        Fhir alice = Fhir.as("alice");
        long before = inboxSize(alice);
        String aliceId = Directory.idOf(alice, "Patient", "alice");
        String drleeId = Directory.idOf(alice, "Practitioner", "drlee");

        Communication withPayload = Threads.header(aliceId, drleeId, "Header with text");
        withPayload.addPayload().setContent(new StringType("a header carries no text"));
        Communication noPractitioner = Threads.header(aliceId, drleeId, "Nobody");
        noPractitioner.getRecipient().clear();
        Communication emptyMessage = Threads.message(Threads.start(alice, aliceId, drleeId, "Empty"), "");
        long withEmptyThread = before + 1;

        for (Fhir.Response response : List.of(
                alice.postRaw("Communication", "{\"resourceType\":\"Communication\",\"status\":"),
                alice.postRaw("Communication", "{\"resourceType\":\"Communication\",\"status\":\"bogus\"}"),
                alice.postRaw("Communication", "<Communication xmlns=\"http://hl7.org/fhir\">"),
                alice.post("Communication", withPayload),
                alice.post("Communication", noPractitioner),
                alice.post("Communication", emptyMessage))) {
            assertEquals(400, response.status(), response::toString);
            assertEquals(
                    OperationOutcome.IssueSeverity.ERROR,
                    response.outcome().getIssueFirstRep().getSeverity());
            assertTrue(
                    !response.body().contains("Exception") && !response.body().contains("at dev.missive"),
                    "no stack trace: " + response.body());
        }
        assertEquals(
                404,
                alice.post("Communication", Threads.message("no-such-thread", "Hello?"))
                        .status());
        assertEquals(withEmptyThread, inboxSize(alice), "nothing was written");
    }

    @Test
    void ruleBreaksAre422NamingTheRule() {
        Fhir chloe = Fhir.as("chloe");
        String chloeId = Directory.idOf(chloe, "Patient", "chloe");
        String drpatelId = Directory.idOf(Fhir.as("alice"), "Practitioner", "drpatel");
        Fhir.Response refused = chloe.post("Communication", Threads.header(chloeId, drpatelId, "Not my doctor"));
        assertEquals(422, refused.status(), refused::toString);
        assertEquals(
                "recipient-not-eligible",
                refused.outcome()
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode());
    }

    @Test
    void peopleCannotWriteTheDirectory() {
        Patient patient = new Patient();
        patient.setId("intruder");
        patient.addName().setFamily("Intruder");
        for (String account : List.of("alice", "drlee", "admin")) {
            assertEquals(
                    403, Fhir.as(account).put("Patient/intruder", patient, null).status(), account);
        }
        assertEquals(404, Fhir.as(Tokens.INTEGRATION).get("Patient/intruder").status());
    }

    @Test
    void aPathWithAControlCharacterOrAUnicodeSpaceIs400BeforeAuthentication() {
        // The OIDC mechanism failed on them with a NullPointerException, a 500 (found by benchmark/fuzz.sh).
        for (String path : List.of(
                "Communication/a%0d%0ab",
                "Communication/%00",
                "%2e%00%2e/%2e%2e/Communication",
                "Communication/a%E2%80%A8",
                "Communication/%E3%80%80")) {
            for (Fhir client : List.of(Fhir.anonymous(), Fhir.as("alice"))) {
                Fhir.Response response = client.get(path);
                assertEquals(400, response.status(), path);
                // Undertow's own answer to it was an HTML page
                assertEquals(
                        OperationOutcome.IssueType.INVALID,
                        response.outcome().getIssueFirstRep().getCode(),
                        path + " " + response);
            }
        }
    }

    @Test
    void traceIsRefusedWithAnOperationOutcomeAndEchoesNothing() {
        String portal = Fhir.base().replace("/fhir", "/portal/");
        for (String path : List.of("Communication", "metadata", portal)) {
            Fhir.Response response = Fhir.as("alice").method("TRACE", path);
            assertTrue(response.status() >= 400 && response.status() < 500, path + " " + response);
            assertEquals(
                    OperationOutcome.IssueSeverity.ERROR,
                    response.outcome().getIssueFirstRep().getSeverity());
            assertFalse(response.body().contains("Bearer"), "the request is not echoed: " + response);
        }
    }

    @Test
    void outsideTheApiOptionsIsRefusedToEveryone() {
        // The fuzzer's OPTIONS on a path climbing out of /fhir got the container's 200 without a token.
        String portal = Fhir.base().replace("/fhir", "/portal/");
        String climbing = "Communication/x" + "/%2e%2e".repeat(40) + "/portal/";
        for (String path : List.of(portal, climbing)) {
            for (Fhir client : List.of(Fhir.anonymous(), Fhir.as("alice"))) {
                assertEquals(403, client.method("OPTIONS", path).status(), path);
            }
        }
        assertEquals(200, Fhir.anonymous().get(portal).status(), "the portal's files stay public");
    }

    @Test
    void aMethodNothingServesIs405WithAnOperationOutcome() {
        String portal = Fhir.base().replace("/fhir", "/portal/");
        for (String path : List.of("Communication", "metadata", portal)) {
            Fhir.Response response = Fhir.as("alice").method("FOO", path);
            assertEquals(405, response.status(), path + " " + response);
            assertEquals(
                    OperationOutcome.IssueType.NOTSUPPORTED,
                    response.outcome().getIssueFirstRep().getCode());
        }
    }

    @Test
    void whatTheContainerRefusesOutsideTheApiIsAnOperationOutcome() {
        String portal = Fhir.base().replace("/fhir", "/portal/");
        Fhir anonymous = Fhir.anonymous();
        Fhir.Response missing = anonymous.get(portal + "no-such-file.js");
        assertEquals(404, missing.status(), missing::toString);
        assertEquals(
                OperationOutcome.IssueType.NOTFOUND,
                missing.outcome().getIssueFirstRep().getCode());
        Fhir.Response posted = anonymous.postRaw(portal + "index.html", "{}");
        assertEquals(405, posted.status(), posted::toString);
        assertEquals(
                OperationOutcome.IssueType.NOTSUPPORTED,
                posted.outcome().getIssueFirstRep().getCode());
    }

    @Test
    void capabilityStatementListsWhatIsImplemented() {
        Fhir.Response response = Fhir.as("alice").get("metadata");
        assertEquals(200, response.status());
        CapabilityStatement statement = response.as(CapabilityStatement.class);
        Set<String> types = statement.getRestFirstRep().getResource().stream()
                .map(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
                .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "Communication",
                        "Patient",
                        "Practitioner",
                        "CareTeam",
                        "Organization",
                        "OperationDefinition",
                        "PractitionerRole",
                        "RelatedPerson",
                        "EpisodeOfCare",
                        "Appointment",
                        "Consent",
                        "Binary",
                        "CodeSystem",
                        "ValueSet",
                        "StructureDefinition",
                        "SearchParameter",
                        "AuditEvent",
                        "Subscription",
                        "Basic"),
                types);
    }

    private static long inboxSize(Fhir client) {
        return client.get("Communication?part-of:missing=true&_summary=count")
                .bundle()
                .getTotal();
    }
}
