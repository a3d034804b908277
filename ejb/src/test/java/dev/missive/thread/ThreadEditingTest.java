package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.directory.Practitioner;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.service.VersionConflictException;
import dev.missive.testing.TestClinic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** An open thread's details edited by its patient side: the rules, the hand-over, the record of the change. */
class ThreadEditingTest {

    private final TestClinic clinic = new TestClinic();
    private final ThreadEditing editing = clinic.bean(ThreadEditing.class);
    private final SendingService sending = clinic.bean(SendingService.class);
    private final ReadingService reading = clinic.bean(ReadingService.class);
    private final ThreadActions actions = clinic.bean(ThreadActions.class);
    private String thread;

    @BeforeEach
    void aliceWritesToDrLee() {
        // drkhan: a second practitioner Alice may write to who does not charge
        clinic.save(new Practitioner("drkhan"));
        clinic.role("drkhan", true, false);
        clinic.careTeam("alice", "drlee", "drpatel", "nursekim", "drkhan");
        thread = sending.start(NewThread.of("alice", "drlee", "general", "Knee", false))
                .conversation()
                .getId();
        sending.send(new NewMessage(thread, "Before", null));
    }

    private static NewThread details(String practitionerId, String category, String topic) {
        return NewThread.of("alice", practitionerId, category, topic, false);
    }

    private Conversation stored() {
        return clinic.conversations.find(thread).orElseThrow();
    }

    @Test
    void theSubjectChangesAndTheChangeIsRecordedWithWhoAndWhen() {
        clinic.later(Duration.ofMinutes(5));
        ThreadView edited = editing.editThread(thread, details("drlee", "general", "Left knee"), null);

        assertEquals("Left knee", stored().getTopic());
        ThreadChange change = edited.changes().get(0);
        assertEquals(List.of(ThreadDetail.SUBJECT), change.getDetails());
        assertEquals(Party.patient("alice"), change.getChangedBy());
        assertEquals(clinic.clock.instant(), change.getChanged());
        assertEquals(1, reading.communication(thread).thread().changes().size(), "read with the thread");
    }

    @Test
    void anEditThatChangesNothingRecordsNothing() {
        assertTrue(editing.editThread(thread, details("drlee", "general", "Knee"), null)
                .changes()
                .isEmpty());
    }

    @Test
    void theRecipientMovesToAnEligiblePractitionerWhoSeesEverythingTheEarlierOneOnlyWhatCameBefore() {
        clinic.later(Duration.ofMinutes(1));
        ThreadView edited = editing.editThread(thread, details("drkhan", "general", "Knee"), null);
        assertEquals(List.of(ThreadDetail.RECIPIENT), edited.changes().get(0).getDetails());
        clinic.later(Duration.ofMinutes(1));
        editing.editThread(thread, details("drkhan", "general", "Knee, later"), null);
        clinic.published.clear();
        Message after = sending.send(new NewMessage(thread, "After", null));
        assertEquals(Party.practitioner("drkhan"), after.getRecipient());
        assertEquals(
                List.of(Party.practitioner("drkhan")),
                clinic.published.stream().map(NotificationRequested::recipient).toList(),
                "the earlier practitioner is not notified");

        clinic.actAs("drkhan");
        assertEquals(2, reading.messagePage(thread, 10).total());
        assertEquals(2, reading.communication(thread).thread().participant().getUnread());

        clinic.actAs("drlee");
        assertEquals(
                List.of("Before"),
                reading.messages(thread, 0, 10).stream().map(Message::getText).toList());
        assertEquals(1, reading.messagePage(thread, 10).total());
        assertThrows(NotFoundException.class, () -> reading.message(after.getId()));
        ThreadView earlier = reading.communication(thread).thread();
        assertEquals(1, earlier.participant().getUnread(), "nothing new counted for them");
        assertEquals(
                List.of(ThreadDetail.RECIPIENT),
                earlier.changes().stream()
                        .flatMap(change -> change.getDetails().stream())
                        .toList(),
                "the change that moved the thread away, and none after");
        assertThrows(ForbiddenException.class, () -> sending.send(new NewMessage(thread, "Still here?", null)));
        assertThrows(ForbiddenException.class, () -> actions.close(thread));
        actions.markRead(thread);
        assertNull(
                clinic.conversations.findMessage(after.getId()).orElseThrow().getReceived(),
                "no read receipt for a message they cannot see");
    }

    @Test
    void anIneligibleRecipientChargingWithoutConsentOrAnUnofferedTypeIsRefusedAndNothingChanges() {
        long version = stored().getVersion();
        assertRule(
                Rule.RECIPIENT_NOT_ELIGIBLE,
                () -> editing.editThread(thread, details("nursekim", "general", "X"), null));
        assertRule(
                Rule.BILLING_CONSENT_REQUIRED,
                () -> editing.editThread(thread, details("drpatel", "general", "X"), null));
        clinic.policy(policy -> policy.getMessageTypes().remove("billing"));
        assertRule(
                Rule.MESSAGE_TYPE_NOT_OFFERED,
                () -> editing.editThread(thread, details("drlee", "billing", "X"), null));

        Conversation unchanged = stored();
        assertEquals("drlee", unchanged.getPractitionerId());
        assertEquals("Knee", unchanged.getTopic());
        assertEquals(version, unchanged.getVersion());
        assertTrue(clinic.conversations.changes(thread, null).isEmpty());
    }

    @Test
    void anEditBasedOnAReplacedVersionChangesNothing() {
        long seen = stored().getVersion();
        editing.editThread(thread, details("drlee", "general", "Tab one"), seen);
        assertThrows(
                VersionConflictException.class,
                () -> editing.editThread(thread, details("drlee", "general", "Tab two"), seen));
        assertEquals("Tab one", stored().getTopic());
    }

    @Test
    void aClosedThreadIsReadOnly() {
        actions.close(thread);
        assertRule(Rule.THREAD_CLOSED, () -> editing.editThread(thread, details("drlee", "general", "X"), null));
        assertEquals("Knee", stored().getTopic());
    }

    @Test
    void staffDoNotEditAnOpenThread() {
        clinic.actAs("drlee");
        assertThrows(
                ForbiddenException.class, () -> editing.editThread(thread, details("drlee", "general", "X"), null));
        clinic.actAs("integration");
        assertThrows(
                ForbiddenException.class, () -> editing.editThread(thread, details("drlee", "general", "X"), null));
        assertEquals("Knee", stored().getTopic());
    }

    @Test
    void aProxyEditsTheThreadOfThePatientTheyActForAsThemselves() {
        clinic.actAs("ben");
        String bens = clinic.start("ben", "drlee");
        clinic.actAs("gina");
        ThreadView edited = editing.editThread(bens, NewThread.of("ben", "drlee", "general", "Rash", false), null);
        assertEquals(
                new Party(PartyType.RELATED_PERSON, "gina-for-ben"),
                edited.changes().get(0).getChangedBy());
    }

    @Test
    void thePatientConfidentialityAndDraftStateStay() {
        assertThrows(
                InvalidRequestException.class,
                () -> editing.editThread(thread, NewThread.of("ben", "drlee", "general", "X", false), null));
        assertThrows(
                InvalidRequestException.class,
                () -> editing.editThread(thread, NewThread.of("alice", "drlee", "general", "X", true), null));
        assertThrows(
                InvalidRequestException.class,
                () -> editing.editThread(
                        thread,
                        new NewThread(
                                "alice", "drlee", "general", "X", false, null, null, null, null, false, true, null),
                        null));
        assertEquals("Knee", stored().getTopic());
    }

    @Test
    void aThreadThatComesBackToAnEarlierPractitionerShowsThemEverythingAgain() {
        editing.editThread(thread, details("drkhan", "general", "Knee"), null);
        clinic.later(Duration.ofMinutes(1));
        sending.send(new NewMessage(thread, "Meanwhile", null));
        clinic.later(Duration.ofMinutes(1));
        editing.editThread(thread, details("drlee", "general", "Knee"), null);

        clinic.actAs("drlee");
        ThreadView back = reading.communication(thread).thread();
        assertTrue(back.participant().isActive());
        assertEquals(2, reading.messagePage(thread, 10).total());
        assertEquals(2, back.participant().getUnread());
        assertFalse(back.changes().isEmpty());
        Instant now = clinic.clock.instant();
        assertEquals(now, back.conversation().getLastActivity());
    }

    private static void assertRule(Rule rule, Executable edit) {
        assertEquals(rule, assertThrows(RuleViolationException.class, edit).rule());
    }
}
