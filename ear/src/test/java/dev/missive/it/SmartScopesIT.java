package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * The SMART scopes of a real Keycloak token are an upper bound on top of the rules: a narrower
 * token does less, refused with a 403 that names the scope it lacks, and writes nothing.
 */
class SmartScopesIT extends MissiveIT {

    @Test
    void aReadOnlyTokenReadsButCannotSendAndNothingIsWritten() {
        Fhir alice = Fhir.as("alice");
        String aliceId = Directory.idOf(alice, "Patient", "alice");
        String drleeId = Directory.idOf(alice, "Practitioner", "drlee");
        String threadId = Threads.start(alice, aliceId, drleeId, "Scopes");
        Threads.send(alice, threadId, "Written with a full token");

        for (String scopes : List.of("openid patient/Communication.rs", "openid patient/Communication.read")) {
            Fhir readOnly = Fhir.withToken(Tokens.withScopes("alice", scopes));
            assertEquals(200, readOnly.get("Communication/" + threadId).status(), scopes);

            Fhir.Response refused = readOnly.post("Communication", Threads.message(threadId, "Not with this token"));
            assertEquals(403, refused.status(), refused::toString);
            assertTrue(
                    refused.outcome().getIssueFirstRep().getDiagnostics().contains("patient/Communication.c"),
                    refused::toString);
            assertEquals(
                    1,
                    readOnly.get("Communication?part-of=Communication/" + threadId)
                            .bundle()
                            .getTotal(),
                    "nothing written");
        }
    }

    @Test
    void aScopeWidensNothingTheRulesRefuse() {
        Fhir alice = Fhir.as("alice");
        Fhir chloe = Fhir.withToken(Tokens.withScopes("chloe", Tokens.PEOPLE_SCOPES));
        String aliceThread = Threads.start(
                alice,
                Directory.idOf(alice, "Patient", "alice"),
                Directory.idOf(alice, "Practitioner", "drlee"),
                "Not Chloe's");
        assertEquals(404, chloe.get("Communication/" + aliceThread).status(), "another patient's thread");
        Fhir engineReadOnly = Fhir.withToken(Tokens.withScopes(Tokens.INTEGRATION, "system/*.rs"));
        assertEquals(200, engineReadOnly.get("Communication/" + aliceThread).status());
        Patient patient = new Patient();
        patient.setId("scoped-out");
        patient.addName().setFamily("Nobody");
        Fhir.Response refused = engineReadOnly.put("Patient/scoped-out", patient, null);
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.outcome().getIssueFirstRep().getDiagnostics().contains("system/Patient.u"));
        assertEquals(404, Fhir.as(Tokens.INTEGRATION).get("Patient/scoped-out").status(), "nothing written");
    }

    @Test
    void aPersonsTokenWithoutAResourceScopeOrWithAnotherRolesContextGetsNothing() {
        Fhir signInOnly = Fhir.withToken(Tokens.withScopes("alice", "openid"));
        Fhir.Response refused = signInOnly.get("Communication?part-of:missing=true");
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.outcome().getIssueFirstRep().getDiagnostics().contains("patient/Communication.s"));
        assertEquals(200, signInOnly.get("metadata").status(), "the conformance documents need no scope");

        Fhir practitionerWithPatientScopes = Fhir.withToken(Tokens.withScopes("drlee", "openid patient/*.cruds"));
        assertEquals(
                403,
                practitionerWithPatientScopes
                        .get("Communication?part-of:missing=true")
                        .status(),
                "patient/ scopes are for patients and proxies");
    }

    @Test
    void includedResourcesOfATypeTheTokenMayNotReadAreLeftOut() {
        Fhir alice = Fhir.as("alice");
        String aliceId = Directory.idOf(alice, "Patient", "alice");
        String threadId = Threads.start(alice, aliceId, Directory.idOf(alice, "Practitioner", "drlee"), "Includes");
        Threads.send(alice, threadId, "Who sent this?");
        String search = "Communication?part-of=Communication/" + threadId + "&_include=Communication:sender";

        Bundle full = alice.get(search).bundle();
        assertEquals(1, included(full), "with patient/*.cruds the sender is included");
        Bundle messagesOnly = Fhir.withToken(Tokens.withScopes("alice", "openid patient/Communication.rs"))
                .get(search)
                .bundle();
        assertEquals(0, included(messagesOnly), "without a Patient scope it is not");
        assertEquals(1, messagesOnly.getTotal(), "the match itself is still there");
    }

    private static long included(Bundle bundle) {
        return bundle.getEntry().stream()
                .filter(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .count();
    }
}
