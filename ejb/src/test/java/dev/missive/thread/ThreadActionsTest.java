package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.RuleViolationException;
import dev.missive.testing.TestClinic;
import dev.missive.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ThreadActionsTest {

    private static final Party ALICE = Party.patient("alice");
    private static final Party DRLEE = Party.practitioner("drlee");

    private final TestClinic clinic = new TestClinic();
    private final ConversationRepository conversations = clinic.conversations;
    private final List<NotificationRequested> published = clinic.published;
    private final TestClock clock = clinic.clock;
    private final SendingService threads = clinic.bean(SendingService.class);
    private final ThreadActions actions = clinic.bean(ThreadActions.class);
    private String thread;

    @BeforeEach
    void aliceWritesToDrLee() {
        actAs(Role.PATIENT, ALICE);
        thread = threads.start(NewThread.of(null, "drlee", "general", "Knee", false))
                .conversation()
                .getId();
    }

    private void actAs(Role role, Party party) {
        clinic.actAs(new Caller(party == null ? "system" : party.id(), EnumSet.of(role), Optional.ofNullable(party)));
    }

    /** Sends as the party, one minute after whatever happened last. */
    private Message send(Party sender, String text) {
        clock.advance(Duration.ofMinutes(1));
        actAs(sender.equals(ALICE) ? Role.PATIENT : Role.PRACTITIONER, sender);
        return threads.send(new NewMessage(thread, text, null));
    }

    private Participant stateOf(Party party) {
        return conversations.findParticipant(thread, party).orElseThrow();
    }

    private Conversation conversation() {
        return conversations.find(thread).orElseThrow();
    }

    private static void assertRule(String rule, Executable action) {
        assertEquals(
                rule, assertThrows(RuleViolationException.class, action).rule().code());
    }

    // close and reopen

    @Test
    void anyParticipantClosesTheThreadAndNoMessageGoesIn() {
        actAs(Role.PRACTITIONER, DRLEE);
        assertEquals(
                ConversationStatus.CLOSED, actions.close(thread).conversation().getStatus());
        assertEquals(ThreadStatusReason.CLOSED_BY_PARTICIPANT, conversation().getStatusReason());
        assertRule("thread-closed", () -> send(ALICE, "Still there?"));

        actAs(Role.PATIENT, ALICE);
        actions.reopen(thread);
        actions.close(thread);
        assertEquals(ConversationStatus.CLOSED, conversation().getStatus(), "the patient side closes too");
    }

    @Test
    void reopeningLetsMessagesInAgain() {
        actAs(Role.PATIENT, ALICE);
        actions.close(thread);
        assertEquals(
                ConversationStatus.OPEN, actions.reopen(thread).conversation().getStatus());
        assertNull(conversation().getStatusReason());
        assertEquals(MessageStatus.SENT, send(ALICE, "One more thing").getStatus());
    }

    @Test
    void threadsClosedByAnInactivePractitionerOrAMergeStayClosed() {
        actAs(Role.PRACTITIONER, DRLEE); // a merged-away thread is hidden from Alice
        for (ThreadStatusReason locking :
                List.of(ThreadStatusReason.PRACTITIONER_INACTIVE, ThreadStatusReason.PATIENT_MERGED)) {
            conversation().close(locking, clock.instant());
            assertRule("thread-locked", () -> actions.reopen(thread));
            assertEquals(ConversationStatus.CLOSED, conversation().getStatus());
            assertSame(
                    locking, actions.close(thread).conversation().getStatusReason(), "closing again keeps the reason");
        }
        conversation().close(ThreadStatusReason.NO_RESPONSE_NEEDED, clock.instant());
        assertEquals(
                ConversationStatus.OPEN, actions.reopen(thread).conversation().getStatus());
    }

    // archive

    @Test
    void archivingChangesOnlyTheCallersOwnInbox() {
        actAs(Role.PATIENT, ALICE);
        assertTrue(actions.archive(thread).participant().isArchived());
        assertFalse(stateOf(DRLEE).isArchived());
        assertEquals(ConversationStatus.OPEN, conversation().getStatus(), "archiving does not close");

        assertFalse(actions.unarchive(thread).participant().isArchived());
        actions.archive(thread);
        send(DRLEE, "Your results are in");
        assertFalse(stateOf(ALICE).isArchived(), "a new message un-archives it");
    }

    // who may act

    @Test
    void callersWhoTakeNoPartMayLookButNotAct() {
        String message = send(ALICE, "Hello").getId();
        for (Role role : List.of(Role.INTEGRATION, Role.CLINIC_ADMIN)) {
            actAs(role, null);
            for (Executable action : List.<Executable>of(
                    () -> actions.close(thread),
                    () -> actions.reopen(thread),
                    () -> actions.archive(thread),
                    () -> actions.unarchive(thread),
                    () -> actions.markRead(thread),
                    () -> actions.markRead(message),
                    () -> actions.retract(message))) {
                assertThrows(ForbiddenException.class, action, role.name());
            }
        }
        assertEquals(ConversationStatus.OPEN, conversation().getStatus());
        assertEquals("Hello", conversations.findMessage(message).orElseThrow().getText());
        assertEquals(1, stateOf(DRLEE).getUnread());
    }

    @Test
    void aProxyWhoArrivedAfterTheThreadBeganActsOnItAtOnce() {
        clinic.actAs("ben");
        String bens = clinic.start("ben", "drlee");
        clinic.actAs("drlee");
        String answer =
                threads.send(new NewMessage(bens, "Your results are in", null)).getId();

        clinic.actAs("gina");
        ThreadView read = actions.markRead(bens).thread();
        assertEquals(
                new Party(PartyType.RELATED_PERSON, "gina-for-ben"),
                read.participant().getParty());
        assertNotNull(conversations.findMessage(answer).orElseThrow().getReceived(), "read by the patient side");
        assertTrue(actions.archive(bens).participant().isArchived());
        assertEquals(
                1,
                conversations.participants(bens).stream()
                        .filter(participant ->
                                participant.getParty().equals(new Party(PartyType.RELATED_PERSON, "gina-for-ben")))
                        .count(),
                "joined once");
    }

    @Test
    void outsidersFindNothingToActOn() {
        String message = send(ALICE, "Hello").getId();
        actAs(Role.PRACTITIONER, Party.practitioner("drpatel"));
        for (String id : List.of(thread, message, "no-such-id")) {
            for (Consumer<String> action : List.<Consumer<String>>of(
                    actions::close,
                    actions::reopen,
                    actions::archive,
                    actions::unarchive,
                    actions::markRead,
                    actions::retract)) {
                assertThrows(NotFoundException.class, () -> action.accept(id), id);
            }
        }
        assertEquals(ConversationStatus.OPEN, conversation().getStatus());
        assertNull(conversations.findMessage(message).orElseThrow().getReceived());
    }

    @Test
    void threadActionsNeedAThreadAndRetractingAMessage() {
        String message = send(ALICE, "Hello").getId();
        for (Consumer<String> threadAction :
                List.<Consumer<String>>of(actions::close, actions::reopen, actions::archive, actions::unarchive)) {
            assertThrows(InvalidRequestException.class, () -> threadAction.accept(message));
        }
        assertThrows(InvalidRequestException.class, () -> actions.retract(thread));
        assertEquals(ConversationStatus.OPEN, conversation().getStatus());
    }

    // retract

    @Test
    void theSenderRetractsWithinTheWindowLeavingATombstone() {
        Message message = send(ALICE, "Wrong patient portal, sorry");
        int notified = published.size();
        clock.advance(Duration.ofMinutes(5));

        Message retracted = actions.retract(message.getId());
        assertEquals(MessageStatus.RETRACTED, retracted.getStatus());
        assertNull(conversations.findMessage(message.getId()).orElseThrow().getText(), "the text is gone for good");
        assertEquals(
                List.of(message.getId()),
                clinic.bean(ReadingService.class).messages(thread, 0, 10).stream()
                        .map(Message::getId)
                        .toList(),
                "the tombstone stays in the thread");
        assertEquals(0, stateOf(DRLEE).getUnread(), "no longer unread for Dr Lee");
        assertEquals(notified, published.size(), "nobody is notified of a retraction");
        assertSame(retracted, actions.retract(message.getId()), "retracting again changes nothing");
    }

    @Test
    void onlyTheSenderRetracts() {
        Message message = send(ALICE, "Hello");
        actAs(Role.PRACTITIONER, DRLEE);
        assertThrows(ForbiddenException.class, () -> actions.retract(message.getId()));
        assertEquals("Hello", message.getText());
    }

    @Test
    void theClinicsRetractWindowLimitsRetraction() {
        Message message = send(ALICE, "Hello");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertRule("retract-window-passed", () -> actions.retract(message.getId()));
        assertEquals(MessageStatus.SENT, message.getStatus());

        clinic.policy(policy -> policy.setRetractWindow(Duration.ofMinutes(10)));
        assertEquals(MessageStatus.RETRACTED, actions.retract(message.getId()).getStatus());
    }

    @Test
    void aReplyOrAFollowUpMeansSomeoneActed() {
        Message first = send(ALICE, "Hello");
        Message followUp = send(ALICE, "And another thing");
        actAs(Role.PATIENT, ALICE);
        assertRule("retract-after-action", () -> actions.retract(first.getId()));

        Message reply = send(DRLEE, "Noted");
        actAs(Role.PATIENT, ALICE);
        assertRule("retract-after-action", () -> actions.retract(followUp.getId()));
        assertEquals("And another thing", followUp.getText());

        actAs(Role.PRACTITIONER, DRLEE);
        actions.retract(reply.getId());
        actAs(Role.PATIENT, ALICE);
        assertEquals(
                MessageStatus.RETRACTED,
                actions.retract(followUp.getId()).getStatus(),
                "a retracted message is no answer");
    }

    @Test
    void anArchiveSinceItWasSentMeansSomeoneActedEvenIfUndone() {
        Message message = send(ALICE, "Hello");
        actAs(Role.PRACTITIONER, DRLEE);
        actions.archive(thread);
        actions.unarchive(thread);
        actAs(Role.PATIENT, ALICE);
        assertRule("retract-after-action", () -> actions.retract(message.getId()));
        assertEquals(MessageStatus.SENT, message.getStatus());
    }

    @Test
    void aCloseSinceItWasSentMeansSomeoneActedEvenIfReopened() {
        Message message = send(ALICE, "Hello");
        actAs(Role.PATIENT, ALICE);
        actions.close(thread);
        actions.reopen(thread);
        assertRule("retract-after-action", () -> actions.retract(message.getId()));
        assertEquals(MessageStatus.SENT, message.getStatus());
    }

    @Test
    void actionsBeforeAMessageDoNotStopItsRetraction() {
        actAs(Role.PRACTITIONER, DRLEE);
        actions.archive(thread);
        actions.close(thread);
        actions.reopen(thread);
        Message message = send(ALICE, "Hello");
        assertEquals(MessageStatus.RETRACTED, actions.retract(message.getId()).getStatus());
    }

    @Test
    void retractingAMessageAlreadyReadLeavesTheCountAlone() {
        send(ALICE, "Hello");
        Message second = send(ALICE, "Oops");
        actAs(Role.PRACTITIONER, DRLEE);
        actions.markRead(second.getId());
        actAs(Role.PATIENT, ALICE);
        actions.retract(second.getId());
        assertEquals(1, stateOf(DRLEE).getUnread(), "Dr Lee had read it; the first message is still unread");
    }

    // read

    @Test
    void readingAThreadMarksWhatTheOtherSideSent() {
        Message first = send(ALICE, "Hello");
        Message second = send(ALICE, "Are you there?");
        Message own = send(DRLEE, "Yes");
        actAs(Role.PRACTITIONER, DRLEE);
        clock.advance(Duration.ofMinutes(1));

        ThreadOrMessage read = actions.markRead(thread);
        assertNull(read.message());
        assertEquals(0, read.thread().participant().getUnread());
        assertEquals(clock.instant(), read.thread().participant().getLastRead());
        assertEquals(clock.instant(), first.getReceived());
        assertEquals(clock.instant(), second.getReceived());
        assertNull(own.getReceived(), "reading never marks one's own messages");
        assertEquals(1, stateOf(ALICE).getUnread(), "the other side's count is theirs");
    }

    @Test
    void readingOneMessageCountsItOnce() {
        Message first = send(ALICE, "Hello");
        send(ALICE, "Are you there?");
        actAs(Role.PRACTITIONER, DRLEE);
        clock.advance(Duration.ofMinutes(1));
        Instant opened = clock.instant();

        ThreadOrMessage read = actions.markRead(first.getId());
        assertSame(first, read.message());
        assertEquals(opened, first.getReceived());
        assertEquals(1, stateOf(DRLEE).getUnread());
        assertEquals(opened, stateOf(DRLEE).getLastRead());

        clock.advance(Duration.ofMinutes(1));
        actions.markRead(first.getId());
        assertEquals(opened, first.getReceived(), "the receipt is the first opening");
        assertEquals(1, stateOf(DRLEE).getUnread());
    }

    @Test
    void readingOnesOwnMessageMarksNothing() {
        Message own = send(ALICE, "Hello");
        actAs(Role.PATIENT, ALICE);
        actions.markRead(own.getId());
        assertNull(own.getReceived());
        assertEquals(1, stateOf(DRLEE).getUnread());
    }

    @Test
    void someoneWhoJoinedLaterNeverCountsBelowZero() {
        Message message = send(DRLEE, "Your results are in");
        Party gina = new Party(PartyType.RELATED_PERSON, "gina");
        conversations.add(new Participant(thread, gina, clock.instant()));
        actAs(Role.PROXY, gina);
        assertEquals(0, actions.markRead(message.getId()).thread().participant().getUnread());
        assertEquals(1, stateOf(ALICE).getUnread(), "each person's count is their own");
    }

    @Test
    void aRetractedMessageGetsNoReadReceipt() {
        Message message = send(ALICE, "Hello");
        actAs(Role.PATIENT, ALICE);
        actions.retract(message.getId());
        actAs(Role.PRACTITIONER, DRLEE);
        actions.markRead(thread);
        actions.markRead(message.getId());
        assertNull(message.getReceived());
        assertEquals(0, stateOf(DRLEE).getUnread());
    }
}
