package dev.missive.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.testing.TestClinic;
import dev.missive.thread.Conversation;
import dev.missive.thread.InboxFilter;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.NotificationRequested;
import dev.missive.thread.ReadingService;
import dev.missive.thread.SendingService;
import dev.missive.thread.ThreadActions;
import dev.missive.thread.ThreadEditing;
import dev.missive.thread.ThreadView;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Due times kept as messages are sent, overdue threads found and escalated once, and the report. */
class ResponseTimesTest {

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final OverdueThreads overdue = clinic.bean(OverdueThreads.class);

    /** Saturday 21 Nov 2026 10:00 UTC: the default calendar (UTC, Mon-Fri 09:00-17:00) counts from Monday. */
    private static final Instant SATURDAY = Instant.parse("2026-11-21T10:00:00Z");

    private String send(String account, String thread, String text) {
        clinic.actAs(account);
        return sending.send(new NewMessage(thread, text, null)).getId();
    }

    /** Alice starts a thread to the practitioner. */
    private String start(String practitionerId) {
        clinic.actAs("alice");
        return clinic.start("alice", practitionerId);
    }

    private Conversation thread(String id) {
        return clinic.conversations.find(id).orElseThrow();
    }

    private List<NotificationRequested> escalations() {
        return clinic.published.stream()
                .filter(NotificationRequested::isOverdue)
                .toList();
    }

    private int escalate() {
        int[] escalated = {0};
        clinic.inTransaction(() -> escalated[0] = overdue.escalateNow());
        return escalated[0];
    }

    @Test
    void thePatientSidesFirstWaitingMessageSetsTheDueTimeAndAStaffReplyClearsIt() {
        String thread = start("drlee");
        String first = send("alice", thread, "Knee");
        clinic.later(Duration.ofHours(1));
        send("alice", thread, "Still the knee");
        assertEquals(first, thread(thread).getAwaitingMessageId(), "the first unanswered message counts");
        assertEquals(Instant.parse("2026-11-26T09:00:00Z"), thread(thread).getResponseDue());

        clinic.later(Duration.ofHours(2));
        send("drlee", thread, "Come in");
        assertNull(thread(thread).getResponseDue());
        assertNull(thread(thread).getAwaitingMessageId());

        clinic.later(Duration.ofDays(2)); // Monday 13:00
        send("alice", thread, "Thanks");
        assertEquals(Instant.parse("2026-11-26T13:00:00Z"), thread(thread).getResponseDue());
    }

    @Test
    void theClinicsResponseTimeInBusinessDaysDecides() {
        clinic.policy(policy -> policy.setResponseBusinessDays(1));
        String thread = start("drlee");
        send("alice", thread, "Knee");
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), thread(thread).getResponseDue());
    }

    @Test
    void aStaffMessageWithNothingWaitingIsNoReply() {
        clinic.actAs("drlee");
        String thread = clinic.start("alice", "drlee");
        send("drlee", thread, "Your results are in");
        assertNull(thread(thread).getResponseDue());
        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
        assertTrue(clinic.bean(ResponseTimes.class)
                .byPractitioner(SATURDAY, SATURDAY.plus(Duration.ofDays(30)))
                .isEmpty());
    }

    @Test
    void anOverdueThreadIsEscalatedOnceAndNeverAgainForTheSameWait() {
        String thread = start("drlee");
        String asked = send("alice", thread, "Knee");
        assertEquals(0, escalate(), "not due yet");

        clinic.later(Duration.ofDays(5)); // Thursday 10:00, an hour past due
        assertEquals(1, escalate());
        assertEquals(0, escalate(), "the same wait is never escalated twice");
        assertEquals(
                List.of(NotificationRequested.overdue(
                        asked, thread, thread(thread).practitioner())),
                escalations());

        send("drlee", thread, "Sorry, come in");
        clinic.later(Duration.ofDays(1));
        String again = send("alice", thread, "Today?");
        clinic.later(Duration.ofDays(7));
        assertEquals(1, escalate(), "a new wait is escalated on its own");
        assertEquals(again, escalations().get(1).awaitedMessageId());
    }

    @Test
    void aClosedThreadIsNotOverdue() {
        String thread = start("drlee");
        send("alice", thread, "Knee");
        clinic.actAs("drlee");
        clinic.bean(ThreadActions.class).close(thread);
        clinic.later(Duration.ofDays(10));
        assertEquals(0, escalate());
        assertEquals(List.of(), overdueInbox("drlee"));
    }

    private List<String> overdueInbox(String account) {
        clinic.actAs(account);
        return clinic
                .bean(ReadingService.class)
                .inboxPage(new InboxFilter(null, false, null, null, null, true), 20)
                .items()
                .stream()
                .map(ThreadView::conversation)
                .map(Conversation::getId)
                .toList();
    }

    @Test
    void staffFindTheirOverdueThreadsAndThePatientSideMayNotAsk() {
        String late = start("drlee");
        send("alice", late, "Knee");
        String answered = start("drlee");
        send("alice", answered, "Elbow");
        send("drlee", answered, "Fine");
        clinic.later(Duration.ofDays(3));
        String recent = start("drlee");
        send("alice", recent, "Hip");
        clinic.later(Duration.ofDays(2)); // Thursday 10:00: the first thread is an hour past due

        assertEquals(List.of(late), overdueInbox("drlee"));
        assertEquals(List.of(), overdueInbox("drpatel"));
        assertThrows(ForbiddenException.class, () -> overdueInbox("alice"));
        assertThrows(ForbiddenException.class, () -> overdueInbox("gina"));
    }

    @Test
    void aThreadThatMovedToAnotherPractitionerIsTheirsToAnswer() {
        clinic.role("drpatel", true, false);
        String thread = start("drlee");
        send("alice", thread, "Knee");
        clinic.bean(ThreadEditing.class)
                .editThread(thread, NewThread.of("alice", "drpatel", "general", null, false), null);
        clinic.later(Duration.ofDays(6));
        assertEquals(List.of(), overdueInbox("drlee"), "Dr Lee left the thread");
        assertEquals(List.of(thread), overdueInbox("drpatel"));
    }

    @Test
    void theReportGivesEachPractitionersMedianAndP90ByNearestRank() {
        clinic.later(Duration.ofHours(47)); // Monday 09:00: every wait within the clinic's hours
        long[] drLeeMinutes = {5, 10, 15, 20, 25, 30, 35, 40, 45, 180};
        for (long minutes : drLeeMinutes) {
            String thread = start("drlee");
            send("alice", thread, "Question");
            clinic.later(Duration.ofMinutes(minutes));
            send("drlee", thread, "Answer");
        }
        clinic.role("drpatel", true, false);
        String patels = start("drpatel");
        send("alice", patels, "Question");
        clinic.later(Duration.ofMinutes(5));
        send("drpatel", patels, "Answer");
        clinic.later(Duration.ofMinutes(1));
        send("drpatel", patels, "A second reply is not a first reply");

        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
        ResponseTimes report = clinic.bean(ResponseTimes.class);
        assertEquals(
                List.of(
                        new PractitionerResponseTimes("drlee", 10, Duration.ofMinutes(25), Duration.ofMinutes(45)),
                        new PractitionerResponseTimes("drpatel", 1, Duration.ofMinutes(5), Duration.ofMinutes(5))),
                report.byPractitioner(SATURDAY, clinic.clock.instant().plusSeconds(1)));
        assertEquals(List.of(), report.byPractitioner(SATURDAY.minus(Duration.ofDays(1)), SATURDAY));
        assertThrows(InvalidRequestException.class, () -> report.byPractitioner(SATURDAY, SATURDAY));
        assertThrows(
                InvalidRequestException.class,
                () -> report.byPractitioner(SATURDAY, SATURDAY.plus(Duration.ofDays(367))));

        clinic.actAs("drlee");
        assertThrows(ForbiddenException.class, () -> report.byPractitioner(SATURDAY, SATURDAY.plusSeconds(60)));
    }

    @Test
    void aWaitOverTheWeekendCountsOnlyTheClinicsBusinessHours() {
        clinic.later(Duration.ofDays(6).plusHours(6)); // Friday 27 Nov 16:00, an hour before closing
        String thread = start("drlee");
        send("alice", thread, "Question before the weekend");
        clinic.later(Duration.ofDays(2).plusHours(18)); // Monday 10:00, 66 hours later
        send("drlee", thread, "Answer after the weekend");

        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
        assertEquals(
                List.of(new PractitionerResponseTimes("drlee", 1, Duration.ofHours(2), Duration.ofHours(2))),
                clinic.bean(ResponseTimes.class)
                        .byPractitioner(SATURDAY, clinic.clock.instant().plusSeconds(1)),
                "Friday's last hour and Monday's first");
    }
}
