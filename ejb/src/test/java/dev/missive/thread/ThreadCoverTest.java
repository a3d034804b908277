package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.cover.CoverService;
import dev.missive.domain.Party;
import dev.missive.eligibility.AwayNotice;
import dev.missive.eligibility.EligibilityService;
import dev.missive.eligibility.MessageRecipient;
import dev.missive.service.ForbiddenException;
import dev.missive.service.NotFoundException;
import dev.missive.testing.TestClinic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cover while away: while Dr Lee is away (one hour from 11:00Z, Dr Patel covering), messages to
 * Dr Lee reach Dr Patel when Dr Patel may be written to for that patient and type, and Dr Lee
 * is not notified; from the end instant on, Dr Lee again.
 */
class ThreadCoverTest {

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final ReadingService reading = clinic.bean(ReadingService.class);
    private final Instant start = clinic.clock.instant().plus(Duration.ofHours(1));
    private final Instant end = start.plus(Duration.ofHours(1));

    @BeforeEach
    void drLeeIsAwaySoon() {
        clinic.actAs("drlee");
        clinic.bean(CoverService.class).setCover("drlee", start, end, "drpatel");
        clinic.actAs("alice");
    }

    private List<Party> notified() {
        return clinic.published.stream().map(NotificationRequested::recipient).toList();
    }

    private String aliceWritesToDrLee(String text) {
        clinic.actAs("alice");
        String thread = clinic.start("alice", "drlee");
        clinic.published.clear();
        sending.send(new NewMessage(thread, text, null));
        return thread;
    }

    private Participant rowOf(String thread, String practitionerId) {
        return clinic.conversations
                .findParticipant(thread, Party.practitioner(practitionerId))
                .orElse(null);
    }

    @Test
    void beforeTheStartInstantMessagesGoToThePractitionerAlone() {
        clinic.later(Duration.ofHours(1).minusMillis(1));
        String thread = aliceWritesToDrLee("Hello");

        assertEquals(List.of(Party.practitioner("drlee")), notified());
        assertNull(rowOf(thread, "drpatel"));
    }

    @Test
    void fromTheStartInstantANewThreadReachesTheCoverWhoSeesItAndIsNotifiedInsteadOfThePractitioner() {
        clinic.later(Duration.ofHours(1));
        String thread = aliceWritesToDrLee("Hello");

        assertEquals(List.of(Party.practitioner("drpatel")), notified());
        Participant cover = rowOf(thread, "drpatel");
        assertTrue(cover.isCovering() && cover.isActive());
        assertEquals(1, cover.getUnread());
        assertEquals(1, rowOf(thread, "drlee").getUnread(), "the thread waits in Dr Lee's inbox too");
        clinic.actAs("drpatel");
        assertEquals(
                thread,
                reading.inbox(InboxFilter.ALL, null, 0, 10)
                        .get(0)
                        .conversation()
                        .getId());
    }

    @Test
    void aReplyInAnOpenThreadReachesTheCoverWhoAnswersAsThemselves() {
        String thread = aliceWritesToDrLee("Before");
        clinic.later(Duration.ofHours(1).plusMinutes(5));
        clinic.actAs("alice");
        clinic.published.clear();
        sending.send(new NewMessage(thread, "While away", null));
        assertEquals(List.of(Party.practitioner("drpatel")), notified());

        clinic.actAs("drpatel");
        clinic.published.clear();
        Message answer = sending.send(new NewMessage(thread, "Covering for Dr Lee", null));
        assertEquals(Party.practitioner("drpatel"), answer.getSender());
        assertEquals(Party.patient("alice"), answer.getRecipient());
        assertEquals(List.of(Party.patient("alice")), notified());
    }

    @Test
    void atTheEndInstantThePractitionerIsBackAndTheCoverKeepsWhatTheyHadButGetsNothingNew() {
        clinic.later(Duration.ofHours(1));
        String thread = aliceWritesToDrLee("While away");
        clinic.later(Duration.ofHours(1));
        clinic.actAs("alice");
        clinic.published.clear();
        sending.send(new NewMessage(thread, "Back?", null));

        assertEquals(List.of(Party.practitioner("drlee")), notified());
        Participant cover = rowOf(thread, "drpatel");
        assertFalse(cover.isActive());
        assertEquals(1, cover.getUnread(), "the message after the absence is not theirs");
        clinic.actAs("drpatel");
        assertEquals(1, reading.messages(thread, 0, 10).size());
        assertThrows(ForbiddenException.class, () -> sending.send(new NewMessage(thread, "Still here", null)));
    }

    @Test
    void aCoverWhoCannotBeWrittenToForThePatientCoversNothingAndThePractitionerIsStillNotEmailed() {
        clinic.later(Duration.ofHours(1));
        clinic.actAs("ben"); // Dr Patel is not in Ben's care team
        String thread = clinic.start("ben", "drlee");
        clinic.published.clear();
        sending.send(new NewMessage(thread, "Hello", null));

        assertTrue(notified().isEmpty(), "the message waits for Dr Lee's return");
        assertNull(rowOf(thread, "drpatel"));
        clinic.actAs("drpatel");
        assertThrows(NotFoundException.class, () -> reading.communication(thread));
        clinic.actAs("ben");
        AwayNotice notice = reading.communication(thread).thread().away().orElseThrow();
        assertEquals(end, notice.until());
        assertTrue(notice.cover().isEmpty());
    }

    @Test
    void aConfidentialThreadIsNotCovered() {
        clinic.later(Duration.ofHours(1));
        String thread = sending.start(NewThread.of("alice", "drlee", "general", null, true))
                .conversation()
                .getId();
        clinic.published.clear();
        sending.send(new NewMessage(thread, "Private", null));

        assertTrue(notified().isEmpty());
        assertNull(rowOf(thread, "drpatel"));
    }

    @Test
    void thePatientSeesTheNoticeWhenChoosingTheRecipientAndInTheThread() {
        clinic.later(Duration.ofHours(1));
        MessageRecipient lee = clinic.bean(EligibilityService.class).recipientsForCaller("alice", "general").stream()
                .filter(r -> r.practitioner().getId().equals("drlee"))
                .findFirst()
                .orElseThrow();
        assertEquals(end, lee.away().orElseThrow().until());
        assertEquals("drpatel", lee.away().orElseThrow().cover().orElseThrow().getId());

        String thread = aliceWritesToDrLee("Hello");
        assertEquals(
                "drpatel",
                reading.communication(thread)
                        .thread()
                        .away()
                        .orElseThrow()
                        .cover()
                        .orElseThrow()
                        .getId());
        clinic.later(Duration.ofHours(1));
        assertTrue(reading.communication(thread).thread().away().isEmpty(), "no notice once back");
    }

    @Test
    void thePatientsInboxCarriesTheNoticeOnOpenThreadsWhosePractitionerIsAway() {
        String lees = aliceWritesToDrLee("Hello");
        clinic.role("drpatel", true, false);
        clinic.actAs("alice");
        String patels = clinic.start("alice", "drpatel");
        sending.send(new NewMessage(patels, "Hello", null));
        String closed = aliceWritesToDrLee("Closed later");
        clinic.actAs("drlee");
        clinic.bean(ThreadActions.class).close(closed);
        clinic.actAs("alice");
        assertTrue(awayIn(reading.inboxPage(InboxFilter.ALL, 10).items()).isEmpty(), "nobody is away yet");

        clinic.later(Duration.ofHours(1));
        List<ThreadView> page = reading.inboxPage(InboxFilter.ALL, 10).items();
        assertEquals(List.of(lees), awayIn(page), "not Dr Patel's thread, nor the closed one");
        AwayNotice notice = page.stream()
                .filter(view -> view.conversation().getId().equals(lees))
                .findFirst()
                .orElseThrow()
                .away()
                .orElseThrow();
        assertEquals(end, notice.until());
        assertEquals("drpatel", notice.cover().orElseThrow().getId());
        assertEquals(List.of(lees), awayIn(reading.inbox(InboxFilter.ALL, null, 0, 10)), "every page alike");
    }

    private static List<String> awayIn(List<ThreadView> page) {
        return page.stream()
                .filter(view -> view.away().isPresent())
                .map(view -> view.conversation().getId())
                .toList();
    }

    @Test
    void clearingTheCoverSendsNewMessagesToThePractitionerAgain() {
        clinic.later(Duration.ofHours(1));
        String thread = aliceWritesToDrLee("Hello");
        clinic.actAs("drlee");
        clinic.bean(CoverService.class).clearCover("drlee");
        clinic.actAs("alice");
        clinic.published.clear();
        sending.send(new NewMessage(thread, "Again", null));

        assertEquals(List.of(Party.practitioner("drlee")), notified());
        assertFalse(rowOf(thread, "drpatel").isActive());
    }
}
