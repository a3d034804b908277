package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.testing.TestClinic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * An integration engine writes on behalf of the practitioner it names as sender, held to every
 * rule that practitioner's own write is held to, and never for the patient's side.
 */
class EngineWritingTest {

    private static final Party ALICE = Party.patient("alice");
    private static final Party DRLEE = Party.practitioner("drlee");
    private static final Party GINA_FOR_BEN = new Party(PartyType.RELATED_PERSON, "gina-for-ben");

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final DraftService drafts = clinic.bean(DraftService.class);

    @Test
    void theEngineStartsAThreadForAPractitionerAsTheyWould() {
        clinic.actAs("engine");
        ThreadView started = sending.start(thread("alice", "drlee", DRLEE));
        Conversation thread = started.conversation();
        assertEquals(DRLEE, thread.getStartedBy());
        assertEquals(ConversationStatus.OPEN, thread.getStatus());
        assertEquals(Optional.of(DRLEE), clinic.onBehalfOf(), "the audit record names the practitioner");

        Message first = sending.send(message(thread.getId(), DRLEE));
        assertEquals(DRLEE, first.getSender());
        assertEquals(ALICE, first.getRecipient());
        assertEquals(
                List.of(new NotificationRequested(first.getId(), thread.getId(), ALICE)),
                clinic.published,
                "the patient is told, as of the practitioner's own message");
    }

    @Test
    void theEngineRepliesForThePractitionerInTheirThread() {
        String thread = clinic.start("alice", "drlee");
        clinic.published.clear();
        clinic.actAs("engine");
        Message reply = sending.send(message(thread, DRLEE));
        assertEquals(DRLEE, reply.getSender());
        assertEquals(1, clinic.published.size());
        assertEquals(ALICE, clinic.published.get(0).recipient());
    }

    @Test
    void aMissingSenderOrOneOfThePatientsSideIsRefusedAndNothingIsWritten() {
        clinic.actAs("ben");
        String thread = clinic.start("ben", "drlee");
        clinic.published.clear();
        clinic.actAs("engine");
        assertRule(Rule.SENDER_REQUIRED, () -> sending.send(message(thread, null)));
        assertRule(Rule.SENDER_REQUIRED, () -> sending.start(thread("ben", "drlee", null)));
        assertRule(Rule.SENDER_NOT_PRACTITIONER, () -> sending.send(message(thread, Party.patient("ben"))));
        assertRule(Rule.SENDER_NOT_PRACTITIONER, () -> sending.send(message(thread, GINA_FOR_BEN)));
        assertRule(Rule.SENDER_NOT_PRACTITIONER, () -> sending.start(thread("ben", "drlee", Party.patient("ben"))));
        assertThrows(
                InvalidRequestException.class,
                () -> sending.send(message(thread, Party.practitioner("nobody"))),
                "an unknown practitioner");
        assertNothingWritten(thread);
        assertEquals(Optional.empty(), clinic.onBehalfOf());
    }

    @Test
    void anInactiveOrUnrelatedPractitionerIsRefusedAsInThePortal() {
        clinic.actAs("ben");
        String thread = clinic.start("ben", "drlee");
        clinic.published.clear();
        clinic.actAs("engine");
        assertRule(
                Rule.NOT_YOUR_PATIENT,
                () -> sending.start(thread("ben", "drpatel", Party.practitioner("drpatel"))),
                "not on Ben's care team");
        assertThrows(
                NotFoundException.class,
                () -> sending.send(message(thread, Party.practitioner("drpatel"))),
                "another practitioner's thread, which they do not see");

        clinic.inTransaction(
                () -> clinic.practitioners.find("drlee").orElseThrow().setActive(false));
        assertRule(Rule.NOT_YOUR_PATIENT, () -> sending.start(thread("ben", "drlee", DRLEE)));
        assertRule(Rule.READ_ONLY_THREAD, () -> sending.send(message(thread, DRLEE)));
        assertNothingWritten(thread);
    }

    @Test
    void theEngineWritesForAPractitionerOnlyWhatTheyMay() {
        clinic.actAs("engine");
        assertThrows(
                ForbiddenException.class,
                () -> sending.start(thread("alice", "drpatel", DRLEE)),
                "drlee starts threads as drlee, not to another practitioner");
        assertThrows(
                ForbiddenException.class,
                () -> drafts.saveThread(new NewThread(
                        "alice", "drlee", "general", null, false, null, null, null, null, false, true, DRLEE)),
                "drafts are a person's own");
        assertTrue(clinic.threads().isEmpty());
    }

    private void assertNothingWritten(String thread) {
        assertTrue(clinic.conversations.allMessages(thread).isEmpty());
        assertEquals(1, clinic.threads().size());
        assertTrue(clinic.published.isEmpty());
    }

    private static NewMessage message(String thread, Party sender) {
        return new NewMessage(thread, "Your results are fine", null, false, List.of(), sender);
    }

    private static NewThread thread(String patientId, String practitionerId, Party sender) {
        return new NewThread(
                patientId, practitionerId, "general", null, false, null, null, null, null, false, false, sender);
    }

    private static void assertRule(Rule rule, Executable write) {
        assertRule(rule, write, null);
    }

    private static void assertRule(Rule rule, Executable write, String why) {
        assertEquals(
                rule, assertThrows(RuleViolationException.class, write, why).rule(), why);
    }
}
