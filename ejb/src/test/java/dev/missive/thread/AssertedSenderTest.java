package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.testing.TestClinic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A write that names a sender names the caller as they write in the thread, or is refused with nothing written. */
class AssertedSenderTest {

    private static final Party ALICE = Party.patient("alice");
    private static final Party BEN = Party.patient("ben");
    private static final Party DRLEE = Party.practitioner("drlee");
    private static final Party DRPATEL = Party.practitioner("drpatel");
    private static final Party GINA_FOR_BEN = new Party(PartyType.RELATED_PERSON, "gina-for-ben");
    private static final Party GINA_FOR_CHLOE = new Party(PartyType.RELATED_PERSON, "gina-for-chloe");

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final DraftService drafts = clinic.bean(DraftService.class);
    private final ThreadEditing editing = clinic.bean(ThreadEditing.class);

    @Test
    void aPatientWhoNamesTheirPractitionerAsSenderIsRefusedAndNothingIsWritten() {
        String thread = clinic.start("alice", "drlee");
        assertRefused(() -> sending.send(message(thread, DRLEE)));
        assertRefused(() -> sending.start(thread("alice", "drlee", DRLEE)));
        assertRefused(() -> sending.start(thread(null, "drlee", BEN)));
        assertTrue(clinic.conversations.allMessages(thread).isEmpty());
        assertEquals(1, clinic.threads().size());
        assertTrue(clinic.published.isEmpty());
    }

    @Test
    void aPatientWhoNamesThemselvesWrites() {
        String thread =
                sending.start(thread(null, "drlee", ALICE)).conversation().getId();
        assertEquals(ALICE, sending.send(message(thread, ALICE)).getSender());
        assertEquals(ALICE, sending.send(message(thread, null)).getSender(), "no sender named: the caller");
    }

    @Test
    void aProxyWritesAsTheirRelatedPersonForThePatientNeverAsThePatient() {
        clinic.actAs("gina");
        assertRefused(() -> sending.start(thread("ben", "drlee", BEN)));
        String thread = sending.start(thread("ben", "drlee", GINA_FOR_BEN))
                .conversation()
                .getId();
        assertRefused(() -> sending.send(message(thread, BEN)));
        assertRefused(() -> sending.send(message(thread, GINA_FOR_CHLOE)), "her record for another patient");
        assertTrue(clinic.conversations.allMessages(thread).isEmpty());
        assertEquals(GINA_FOR_BEN, sending.send(message(thread, GINA_FOR_BEN)).getSender());
    }

    @Test
    void aPractitionerWhoNamesAnotherPractitionerIsRefused() {
        String thread = clinic.start("alice", "drlee");
        clinic.actAs("drlee");
        assertRefused(() -> sending.send(message(thread, DRPATEL)));
        assertRefused(() -> sending.start(thread("alice", "drlee", DRPATEL)));
        assertTrue(clinic.conversations.allMessages(thread).isEmpty());
        assertEquals(DRLEE, sending.send(message(thread, DRLEE)).getSender());
    }

    @Test
    void draftsAreHeldToTheCallerWhenSavedAndWhenEdited() {
        assertRefused(() -> drafts.saveThread(draftThread("drlee", DRLEE)));
        assertTrue(clinic.threads().isEmpty());
        String thread =
                drafts.saveThread(draftThread("drlee", ALICE)).conversation().getId();
        assertRefused(() -> editing.editThread(thread, thread(null, "drlee", DRLEE), null));
        assertEquals(
                ConversationStatus.DRAFT,
                clinic.conversations.find(thread).orElseThrow().getStatus());
        editing.editThread(thread, thread(null, "drlee", ALICE), null);

        assertRefused(() -> drafts.saveMessage(new NewMessage(thread, "Draft", null, true, List.of(), DRLEE)));
        Message draft = drafts.saveMessage(new NewMessage(thread, "Draft", null, true, List.of(), ALICE));
        assertRefused(() -> drafts.editMessage(draft.getId(), message(thread, DRLEE), null));
        Message kept = clinic.conversations.findMessage(draft.getId()).orElseThrow();
        assertEquals(MessageStatus.DRAFT, kept.getStatus());
        assertEquals("Draft", kept.getText());
        assertEquals(
                ALICE,
                drafts.editMessage(draft.getId(), message(thread, ALICE), null).getSender());
        assertEquals(1, clinic.published.size());
    }

    private static NewMessage message(String thread, Party sender) {
        return new NewMessage(thread, "Hello", null, false, List.of(), sender);
    }

    private static NewThread thread(String patientId, String practitionerId, Party sender) {
        return thread(patientId, practitionerId, sender, false);
    }

    private static NewThread draftThread(String practitionerId, Party sender) {
        return thread(null, practitionerId, sender, true);
    }

    private static NewThread thread(String patientId, String practitionerId, Party sender, boolean draft) {
        return new NewThread(
                patientId, practitionerId, "general", null, false, null, null, null, null, false, draft, sender);
    }

    private static void assertRefused(Executable write) {
        assertRefused(write, null);
    }

    private static void assertRefused(Executable write, String why) {
        RuleViolationException refused = assertThrows(RuleViolationException.class, write, why);
        assertEquals(Rule.SENDER_NOT_CALLER, refused.rule());
    }
}
