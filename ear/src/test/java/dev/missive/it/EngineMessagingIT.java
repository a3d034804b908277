package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * An integration engine, with its client-credentials token from the real Keycloak, starts
 * threads and replies on behalf of a named practitioner, held to that practitioner's rules; the
 * patient reads what it wrote and is emailed; never for the patient's side; the audit trail
 * names the engine and the practitioner.
 */
class EngineMessagingIT extends MissiveIT {

    private static final String ENGINE_ACCOUNT = "service-account-integration-engine";
    private static final String IDENTIFIER_SYSTEM = "urn:ietf:rfc:3986";

    private final Fhir engine = Fhir.as(Tokens.INTEGRATION);
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theEngineStartsAThreadForDrLeeThePatientReadsItAndIsEmailed(GreenMail mail) {
        Communication header = asDrLee(Threads.header("alice", "drlee", "From the EHR " + suffix));
        Fhir.Response started = engine.post("Communication", header);
        assertEquals(201, started.status(), started::toString);
        Communication thread = started.as(Communication.class);
        String threadId = thread.getIdElement().getIdPart();
        assertEquals("Practitioner/drlee", thread.getSender().getReference());
        Fhir.Response sent = engine.post("Communication", asDrLee(Threads.message(threadId, "Results " + suffix)));
        assertEquals(201, sent.status(), sent::toString);
        String messageId = sent.as(Communication.class).getIdElement().getIdPart();

        Fhir alice = Fhir.as("alice");
        assertEquals(200, alice.get("Communication/" + threadId).status());
        Communication read = alice.get("Communication/" + messageId).as(Communication.class);
        assertEquals("Practitioner/drlee", read.getSender().getReference());
        assertTrue(
                alice.get("Communication?part-of:missing=true&_count=100")
                        .body()
                        .contains(threadId),
                "inbox");
        assertTrue(
                Mails.await(
                                mail,
                                m -> Mails.addressedTo(m, "alice@example.com")
                                        && Mails.part(m, "text/plain").contains(threadId))
                        .isPresent(),
                "Alice is emailed as for Dr Lee's own message");

        for (String entity : List.of("Communication/" + threadId, "Communication/" + messageId)) {
            AuditEvent created = engineCreate(entity);
            assertEquals(ENGINE_ACCOUNT, created.getAgentFirstRep().getAltId(), "the engine made the request");
            assertTrue(created.getAgentFirstRep().getRequestor());
            assertEquals(2, created.getAgent().size());
            assertEquals(
                    "Practitioner/drlee", created.getAgent().get(1).getWho().getReference(), "on behalf of");
        }
    }

    @Test
    void theEngineRepliesForDrLeeInAlicesThread() {
        Fhir alice = Fhir.as("alice");
        String threadId = Threads.start(alice, Threads.header("alice", "drlee", "Asked in the portal"));
        Threads.send(alice, threadId, "Is my knee healing?");
        Fhir.Response reply = engine.post("Communication", asDrLee(Threads.message(threadId, "Filed from the EHR")));
        assertEquals(201, reply.status(), reply::toString);
        Bundle messages =
                alice.get("Communication?part-of=Communication/" + threadId).bundle();
        assertEquals(2, messages.getTotal());
        assertEquals(
                "Practitioner/drlee",
                ((Communication) messages.getEntry().get(1).getResource())
                        .getSender()
                        .getReference());
    }

    @Test
    void anInactiveOrUnrelatedPractitionerIsRefusedAndNothingIsWritten() {
        Practitioner gone = new Practitioner();
        gone.setId("engine-inactive");
        gone.setActive(false);
        gone.addName().setFamily("Gone");
        assertTrue(List.of(200, 201)
                .contains(engine.put("Practitioner/engine-inactive", gone, null).status()));
        Fhir.Response inactive = engine.post(
                "Communication",
                identified(as(Threads.header("alice", "engine-inactive", "Inactive"), "engine-inactive"), "inactive"));
        assertEquals(422, inactive.status(), inactive::toString);
        assertEquals("not-your-patient", Fhir.rule(inactive));
        Fhir.Response unrelated = engine.post(
                "Communication", identified(as(Threads.header("ben", "drpatel", "Not Ben's"), "drpatel"), "unrelated"));
        assertEquals(422, unrelated.status(), unrelated::toString);
        assertEquals("not-your-patient", Fhir.rule(unrelated));
        for (String refused : List.of("inactive", "unrelated")) {
            assertEquals(
                    0,
                    engine.get("Communication?identifier=" + IDENTIFIER_SYSTEM + "%7C" + refused + "-" + suffix)
                            .bundle()
                            .getEntry()
                            .size(),
                    "nothing written: " + refused);
        }

        String drleesThread = Threads.start(Fhir.as("ben"), Threads.header("ben", "drlee", "Dr Lee's"));
        Fhir.Response another =
                engine.post("Communication", as(Threads.message(drleesThread, "Not my thread"), "drpatel"));
        assertEquals(404, another.status(), "Dr Patel does not see Dr Lee's thread: " + another);
        assertEquals(0, messageCount(drleesThread));
    }

    @Test
    void theEngineNeverWritesForThePatientsSideNorWithoutNamingWhom() {
        String threadId = Threads.start(Fhir.as("gina"), Threads.header("ben", "drlee", "Ben's"));
        Communication asBen = Threads.message(threadId, "Posing as Ben");
        asBen.setSender(new Reference("Patient/ben"));
        Communication asGina = Threads.message(threadId, "Posing as Gina");
        asGina.setSender(new Reference("RelatedPerson/gina-for-ben"));
        for (Communication posing : List.of(asBen, asGina)) {
            Fhir.Response refused = engine.post("Communication", posing);
            assertEquals(422, refused.status(), refused::toString);
            assertEquals("sender-not-practitioner", Fhir.rule(refused));
        }
        Fhir.Response nobody = engine.post("Communication", Threads.message(threadId, "From whom?"));
        assertEquals(422, nobody.status(), nobody::toString);
        assertEquals("sender-required", Fhir.rule(nobody));
        Fhir.Response newThread = engine.post("Communication", Threads.header("ben", "drlee", "From whom?"));
        assertEquals("sender-required", Fhir.rule(newThread));
        assertEquals(0, messageCount(threadId));
    }

    @Test
    void anEngineTokenWithoutTheWriteScopeIsRefusedNamingIt() {
        String threadId = Threads.start(Fhir.as("alice"), Threads.header("alice", "drlee", "Read-only engine"));
        Fhir readOnly = Fhir.withToken(Tokens.withScopes(Tokens.INTEGRATION, "system/Communication.rs"));
        assertEquals(200, readOnly.get("Communication/" + threadId).status());
        Fhir.Response refused = readOnly.post("Communication", asDrLee(Threads.message(threadId, "Not with this")));
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.outcome().getIssueFirstRep().getDiagnostics().contains("system/Communication.c"));
        assertEquals(0, messageCount(threadId));

        Fhir writer = Fhir.withToken(Tokens.withScopes(Tokens.INTEGRATION, "system/Communication.cru"));
        assertEquals(
                201,
                writer.post("Communication", asDrLee(Threads.message(threadId, "With the write scope")))
                        .status());
    }

    private Communication identified(Communication communication, String name) {
        communication.addIdentifier().setSystem(IDENTIFIER_SYSTEM).setValue(name + "-" + suffix);
        return communication;
    }

    private static Communication asDrLee(Communication communication) {
        return as(communication, "drlee");
    }

    private static Communication as(Communication communication, String practitionerId) {
        communication.setSender(new Reference("Practitioner/" + practitionerId));
        return communication;
    }

    private int messageCount(String threadId) {
        return engine.get("Communication?part-of=Communication/" + threadId)
                .bundle()
                .getTotal();
    }

    /** The engine's create of that entity, as a clinic admin finds it. */
    private static AuditEvent engineCreate(String entity) {
        Fhir.Response found = Fhir.as("admin").get("AuditEvent?entity=" + entity + "&agent=" + ENGINE_ACCOUNT);
        assertEquals(200, found.status(), found::toString);
        return found.bundle().getEntry().stream()
                .map(entry -> (AuditEvent) entry.getResource())
                .filter(event -> event.getSubtype().stream().anyMatch(subtype -> "create".equals(subtype.getCode())))
                .findFirst()
                .orElseThrow();
    }
}
