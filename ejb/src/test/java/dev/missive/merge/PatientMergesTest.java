package dev.missive.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.directory.Patient;
import dev.missive.domain.Party;
import dev.missive.notification.NotificationRecipients;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.NotFoundException;
import dev.missive.service.RuleViolationException;
import dev.missive.testing.TestClinic;
import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationStatus;
import dev.missive.thread.DraftService;
import dev.missive.thread.InboxFilter;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.NotificationRequested;
import dev.missive.thread.Participant;
import dev.missive.thread.ReadingService;
import dev.missive.thread.SendingService;
import dev.missive.thread.ThreadStatusReason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Alice's record is merged into a duplicate, "alice-2": her threads with Dr Lee disappear for
 * her and reappear exactly as they were after the unmerge; Dr Lee keeps seeing them throughout.
 */
class PatientMergesTest {

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final DraftService drafts = clinic.bean(DraftService.class);
    private final ReadingService reading = clinic.bean(ReadingService.class);
    private final PatientMerges merges = clinic.bean(PatientMerges.class);
    private String open;
    private String closed;

    @BeforeEach
    void aliceHasAnOpenAndAClosedArchivedThread() {
        clinic.save(new Patient("alice-2"));

        open = clinic.start("alice", "drlee");
        sending.send(new NewMessage(open, "My knee hurts", null));
        clinic.later(Duration.ofMinutes(1));
        clinic.actAs("drlee");
        sending.send(new NewMessage(open, "Come and see me", null));
        closed = sending.start(NewThread.of("alice", "drlee", "general", "Results", false))
                .conversation()
                .getId();
        sending.send(new NewMessage(closed, "Your results are fine", null));
        thread(closed).close(ThreadStatusReason.CLOSED_BY_PARTICIPANT, clinic.clock.instant());
        participant(closed, Party.patient("alice")).archive(clinic.clock.instant());
        participant(open, Party.patient("alice")).readAll(clinic.clock.instant());
        clinic.later(Duration.ofMinutes(1));
        actAsAdmin();
    }

    private void actAsAdmin() {
        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
    }

    private Conversation thread(String id) {
        return clinic.conversations.find(id).orElseThrow();
    }

    private Participant participant(String conversationId, Party party) {
        return clinic.conversations.findParticipant(conversationId, party).orElseThrow();
    }

    /** Everything a merge could change and an unmerge must give back, field by field. */
    private List<List<Object>> state() {
        return clinic.threads().stream()
                .flatMap(c -> Stream.concat(
                        Stream.of(List.<Object>of(
                                c.getId(),
                                c.getStatus(),
                                String.valueOf(c.getStatusReason()),
                                String.valueOf(c.getLastClosed()),
                                c.getLastActivity())),
                        clinic.conversations.participants(c.getId()).stream()
                                .map(p -> List.<Object>of(
                                        c.getId(),
                                        p.getParty(),
                                        p.isArchived(),
                                        p.getUnread(),
                                        String.valueOf(p.getLastRead()),
                                        String.valueOf(p.getLastArchived()),
                                        p.getLastActivity()))))
                .toList();
    }

    private static void assertRule(String rule, Executable action) {
        assertEquals(
                rule, assertThrows(RuleViolationException.class, action).rule().code());
    }

    @Test
    void theMergedAwayRecordsPatientSideNoLongerSeesItsThreadsButDrLeeDoes() {
        assertEquals(2, merges.merge("alice", "alice-2"));

        Patient alice = clinic.patients.find("alice").orElseThrow();
        assertEquals("alice-2", alice.getReplacedBy());
        assertFalse(alice.isActive());
        for (String id : List.of(open, closed)) {
            assertEquals(ConversationStatus.CLOSED, thread(id).getStatus());
            assertEquals(ThreadStatusReason.PATIENT_MERGED, thread(id).getStatusReason());
        }

        clinic.actAs("alice");
        assertThrows(NotFoundException.class, () -> reading.communication(open).thread());
        assertThrows(NotFoundException.class, () -> reading.messages(closed, 0, 10));
        assertTrue(reading.inbox(InboxFilter.ALL, null, 0, 10).isEmpty());
        assertEquals(0, reading.inboxPage(InboxFilter.ALL, 0).total());
        assertEquals(
                0,
                reading.inboxPage(new InboxFilter(null, true, null, null, null), 0)
                        .total(),
                "no unread badge");

        clinic.actAs("drlee");
        assertEquals(
                ThreadStatusReason.PATIENT_MERGED,
                reading.communication(open).thread().conversation().getStatusReason());
        assertEquals(2, reading.inboxPage(InboxFilter.ALL, 0).total());
        assertThrows(
                RuleViolationException.class,
                () -> sending.send(new NewMessage(open, "Hello?", null)),
                "a merged thread is closed for good");
    }

    @Test
    void theTargetDoesNotGainSightOfTheSourcesThreads() {
        merges.merge("alice", "alice-2");
        clinic.actAs(new Caller("alice-2", EnumSet.of(Role.PATIENT), Optional.of(Party.patient("alice-2"))));
        assertTrue(reading.inbox(InboxFilter.ALL, null, 0, 10).isEmpty());
        assertThrows(NotFoundException.class, () -> reading.communication(open).thread());
    }

    @Test
    void theUnmergeRestoresEveryThreadAndParticipantExactly() {
        List<List<Object>> before = state();
        boolean wasActive = clinic.patients.find("alice").orElseThrow().isActive();

        merges.merge("alice", "alice-2");
        assertFalse(before.equals(state()), "the merge changed the threads");
        assertEquals(2, merges.unmerge("alice"));

        assertEquals(before, state());
        Patient alice = clinic.patients.find("alice").orElseThrow();
        assertNull(alice.getReplacedBy());
        assertEquals(wasActive, alice.isActive());
        assertTrue(
                clinic.bean(PatientMergeRepository.class)
                        .mergedThreadsOf("alice")
                        .isEmpty(),
                "nothing left to restore");
        clinic.actAs("alice");
        assertEquals(2, reading.inboxPage(InboxFilter.ALL, 0).total());
        assertEquals(
                ConversationStatus.OPEN,
                reading.communication(open).thread().conversation().getStatus());
    }

    @Test
    void anInactiveRecordStaysInactiveAfterTheRoundTrip() {
        clinic.patients.find("alice").orElseThrow().setActive(false);
        merges.merge("alice", "alice-2");
        merges.unmerge("alice");
        assertFalse(clinic.patients.find("alice").orElseThrow().isActive());
    }

    @Test
    void aProxyLosesSightOfTheMergedChildsThreadsOnly() {
        clinic.actAs("drlee");
        String bens = clinic.start("ben", "drlee");
        String chloes = clinic.start("chloe", "drlee");
        actAsAdmin();
        merges.merge("ben", "chloe");

        clinic.actAs("gina");
        assertThrows(NotFoundException.class, () -> reading.communication(bens).thread());
        assertEquals(
                List.of(chloes),
                reading.inbox(InboxFilter.ALL, null, 0, 10).stream()
                        .map(view -> view.conversation().getId())
                        .toList());
    }

    @Test
    void aNotificationStillQueuedForThePatientSideIsDropped() {
        NotificationRecipients recipients = clinic.bean(NotificationRecipients.class);
        clinic.patients.find("alice").orElseThrow().setEmail("alice@example.com");
        NotificationRequested toAlice = clinic.published.stream()
                .filter(request -> request.recipient().equals(Party.patient("alice")))
                .findFirst()
                .orElseThrow();
        assertTrue(recipients.recipientOf(toAlice).isPresent());

        merges.merge("alice", "alice-2");
        assertTrue(recipients.recipientOf(toAlice).isEmpty());
    }

    @Test
    void draftThreadsStayPrivateToTheirAuthor() {
        clinic.actAs("alice");
        String draft = drafts.saveThread(new NewThread(
                        "alice", "drlee", "general", "Draft", false, null, null, null, null, false, true, null))
                .conversation()
                .getId();
        actAsAdmin();
        assertEquals(2, merges.merge("alice", "alice-2"), "the draft is not one of the merged threads");
        assertEquals(ConversationStatus.DRAFT, thread(draft).getStatus());
    }

    @Test
    void mergesThatMakeNoSenseAreRefusedWithTheirRule() {
        assertRule("merge-into-itself", () -> merges.merge("alice", "alice"));
        merges.merge("alice", "alice-2");
        assertRule("patient-already-merged", () -> merges.merge("alice", "alice-2"));
        assertRule("patient-already-merged", () -> merges.merge("alice", "ben"));
        assertRule("merge-target-merged", () -> merges.merge("ben", "alice"));
        assertRule("patient-not-merged", () -> merges.unmerge("ben"));
        assertThrows(NotFoundException.class, () -> merges.merge("nobody", "alice-2"));
        assertThrows(NotFoundException.class, () -> merges.merge("ben", "nobody"));
        assertThrows(NotFoundException.class, () -> merges.unmerge("nobody"));
        assertThrows(NotFoundException.class, () -> merges.merge(null, "alice-2"));
    }

    @Test
    void onlyTheIntegrationEngineAndClinicAdminsMerge() {
        for (String account : List.of("alice", "drlee", "gina")) {
            clinic.actAs(account);
            assertThrows(ForbiddenException.class, () -> merges.merge("alice", "alice-2"), account);
            assertThrows(ForbiddenException.class, () -> merges.unmerge("alice"), account);
        }
        clinic.actAs("integration");
        merges.merge("alice", "alice-2");
        assertEquals("alice-2", clinic.patients.find("alice").orElseThrow().getReplacedBy());
        merges.unmerge("alice");
        assertNull(clinic.patients.find("alice").orElseThrow().getReplacedBy());
    }
}
