package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Close, reopen, archive, retract and read, over HTTP with real tokens for Alice and Dr Lee. */
class ThreadActionsIT extends MissiveIT {

    private static final String PARTICIPANT_STATE = "https://missive.dev/fhir/StructureDefinition/participant-state";
    private static final String NO_PARAMETERS = "{\"resourceType\":\"Parameters\"}";
    private static final List<String> OPERATIONS =
            List.of("$close", "$reopen", "$archive", "$unarchive", "$retract", "$mark-read");

    private final Fhir alice = Fhir.as("alice");
    private final Fhir drlee = Fhir.as("drlee");
    private String thread;

    @BeforeEach
    void aliceStartsAThreadWithDrLee() {
        thread = Threads.start(
                alice,
                Directory.idOf(alice, "Patient", "alice"),
                Directory.idOf(alice, "Practitioner", "drlee"),
                "Thread actions");
    }

    private static Fhir.Response operate(Fhir client, String communicationId, String operation) {
        return client.postRaw("Communication/" + communicationId + "/" + operation, NO_PARAMETERS);
    }

    private static Communication done(Fhir.Response response) {
        assertEquals(200, response.status(), response::toString);
        return response.as(Communication.class);
    }

    private static void assertRefused(String rule, Fhir.Response response) {
        assertEquals(422, response.status(), response::toString);
        assertEquals(
                rule,
                response.outcome()
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode());
    }

    private static Extension state(Communication header, String name) {
        return header.getExtensionByUrl(PARTICIPANT_STATE).getExtensionByUrl(name);
    }

    private static boolean archived(Fhir client, String threadId) {
        return ((BooleanType) state(client.get("Communication/" + threadId).as(Communication.class), "archived")
                        .getValue())
                .booleanValue();
    }

    @Test
    void retractingWithinTheWindowLeavesATombstoneWithoutText() {
        String message = Threads.send(alice, thread, "Sent to the wrong practice, sorry");

        Communication retracted = done(operate(alice, message, "$retract"));
        assertEquals(CommunicationStatus.ENTEREDINERROR, retracted.getStatus());
        assertFalse(retracted.hasPayload());

        Fhir.Response seen = drlee.get("Communication/" + message);
        assertEquals(
                CommunicationStatus.ENTEREDINERROR, seen.as(Communication.class).getStatus());
        assertFalse(seen.body().contains("wrong practice"), "the text is gone for Dr Lee too");
        Bundle listed =
                drlee.get("Communication?part-of=Communication/" + thread).bundle();
        assertEquals(1, listed.getTotal(), "the tombstone stays in the thread");
        Communication header = drlee.get("Communication/" + thread).as(Communication.class);
        assertEquals(0, ((IntegerType) state(header, "unread").getValue()).getValue());
    }

    @Test
    void aMessageDrLeeAnsweredCannotBeRetracted() {
        String message = Threads.send(alice, thread, "Can I take it with food?");
        Threads.send(drlee, thread, "Yes");
        assertRefused("retract-after-action", operate(alice, message, "$retract"));
        assertTrue(drlee.get("Communication/" + message).body().contains("with food"));
    }

    @Test
    void onlyTheSenderRetracts() {
        String message = Threads.send(alice, thread, "Hello");
        assertEquals(403, operate(drlee, message, "$retract").status());
        assertEquals(
                CommunicationStatus.COMPLETED,
                alice.get("Communication/" + message).as(Communication.class).getStatus());
    }

    @Test
    void outsidersFindNothingToActOn() {
        String message = Threads.send(alice, thread, "Hello");
        Fhir chloe = Fhir.as("chloe");
        for (String operation : OPERATIONS) {
            assertEquals(404, operate(chloe, thread, operation).status(), operation + " on the thread");
            assertEquals(404, operate(chloe, message, operation).status(), operation + " on the message");
        }
        Communication header = alice.get("Communication/" + thread).as(Communication.class);
        assertEquals(CommunicationStatus.INPROGRESS, header.getStatus());
        assertFalse(
                alice.get("Communication/" + message).as(Communication.class).hasReceived());
    }

    @Test
    void theIntegrationEngineSeesThreadsButTakesNoPartInThem() {
        assertEquals(403, operate(Fhir.as(Tokens.INTEGRATION), thread, "$close").status());
        assertEquals(
                CommunicationStatus.INPROGRESS,
                alice.get("Communication/" + thread).as(Communication.class).getStatus());
    }

    @Test
    void drLeeReadingSetsTheReceiptAliceSees() {
        String first = Threads.send(alice, thread, "Hello");
        String second = Threads.send(alice, thread, "Are you there?");

        Communication one = done(operate(drlee, first, "$mark-read"));
        assertTrue(one.hasReceived());
        assertEquals(
                1,
                ((IntegerType) state(drlee.get("Communication/" + thread).as(Communication.class), "unread")
                                .getValue())
                        .getValue());

        Communication header = done(operate(drlee, thread, "$mark-read"));
        assertEquals(0, ((IntegerType) state(header, "unread").getValue()).getValue());
        assertNotNull(state(header, "lastRead"));
        for (String message : List.of(first, second)) {
            assertTrue(
                    alice.get("Communication/" + message)
                            .as(Communication.class)
                            .hasReceived(),
                    "Alice sees that Dr Lee read " + message);
        }
        String reply = Threads.send(drlee, thread, "Yes");
        done(operate(drlee, thread, "$mark-read"));
        assertFalse(
                alice.get("Communication/" + reply).as(Communication.class).hasReceived(),
                "reading never marks one's own messages");
    }

    @Test
    void aClosedThreadTakesNoMessagesUntilReopened() {
        Communication closed = done(operate(drlee, thread, "$close"));
        assertEquals(CommunicationStatus.COMPLETED, closed.getStatus());
        assertEquals(
                "closed-by-participant",
                closed.getStatusReason().getCodingFirstRep().getCode());
        assertRefused("thread-closed", alice.post("Communication", Threads.message(thread, "Wait")));

        assertEquals(
                CommunicationStatus.INPROGRESS,
                done(operate(alice, thread, "$reopen")).getStatus());
        Threads.send(alice, thread, "One more thing");
    }

    @Test
    void archivingHidesNothingAndANewMessageUndoesIt() {
        Communication header = done(operate(alice, thread, "$archive"));
        assertTrue(((BooleanType) state(header, "archived").getValue()).booleanValue());
        assertEquals(200, alice.get("Communication/" + thread).status(), "archived threads stay readable");
        assertFalse(archived(drlee, thread), "archiving is Alice's own");

        Threads.send(drlee, thread, "Your results are in");
        assertFalse(archived(alice, thread), "a new message un-archives it");
    }

    @Test
    void noBodyOrAnIdOnlyBodyIsEnoughAndGetIsNotAllowed() {
        Fhir.Response archived = alice.postEmpty("Communication/" + thread + "/$archive");
        assertEquals(200, archived.status(), archived::toString);
        assertTrue(archived(alice, thread));
        Communication idOnly = new Communication();
        idOnly.setId(thread);
        done(alice.post("Communication/" + thread + "/$unarchive", idOnly));
        assertFalse(archived(alice, thread));
        assertEquals(405, alice.get("Communication/" + thread + "/$close").status());
    }
}
