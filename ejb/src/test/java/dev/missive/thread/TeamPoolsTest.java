package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.directory.CareTeam;
import dev.missive.directory.Practitioner;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.response.PractitionerResponseTimes;
import dev.missive.response.ResponseTimes;
import dev.missive.response.TeamResponseTimes;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.NotFoundException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.testing.TestClinic;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team pools: "nurses" holds Dr Lee, Dr Patel and Nurse Kim. For Alice, Dr Lee and Dr Patel may
 * be written to (Nurse Kim has no portal-messaging role); for Ben, Dr Lee alone.
 */
class TeamPoolsTest {

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final ReadingService reading = clinic.bean(ReadingService.class);
    private final TeamPools pools = clinic.bean(TeamPools.class);

    @BeforeEach
    void nursesPool() {
        CareTeam nurses = new CareTeam("nurses");
        nurses.setPool(true);
        nurses.setName("Clinic nurses");
        nurses.getPractitionerIds().addAll(List.of("drlee", "drpatel", "nursekim"));
        nurses.getMessageTypes().add("general");
        clinic.save(nurses);
    }

    private String writesToNurses(String patientId, String text) {
        clinic.actAs(patientId.equals("ben") ? "ben" : "alice");
        String thread = sending.start(new NewThread(
                        patientId, null, "general", null, false, null, null, null, null, false, false, null, "nurses"))
                .conversation()
                .getId();
        clinic.published.clear();
        sending.send(new NewMessage(thread, text, null));
        return thread;
    }

    private Set<Party> notified() {
        return clinic.published.stream().map(NotificationRequested::recipient).collect(Collectors.toSet());
    }

    private static void assertRule(Rule rule, Runnable action) {
        assertEquals(
                rule, assertThrows(RuleViolationException.class, action::run).rule());
    }

    @Test
    void everyEligibleMemberSeesAndIsNotifiedAndThePatientSideWritesToTheTeam() {
        String thread = writesToNurses("alice", "Refill please");

        assertEquals(Set.of(Party.practitioner("drlee"), Party.practitioner("drpatel")), notified());
        clinic.actAs("drpatel");
        assertEquals(
                thread,
                reading.inbox(new InboxFilter(null, false, null, null, null, false, "nurses"), null, 0, 10)
                        .get(0)
                        .conversation()
                        .getId());
        clinic.actAs("nursekim");
        assertThrows(NotFoundException.class, () -> reading.communication(thread), "not eligible: no row");
        clinic.actAs("alice");
        Message sent = reading.messages(thread, 0, 10).get(0);
        assertEquals(new Party(PartyType.CARE_TEAM, "nurses"), sent.getRecipient());
    }

    @Test
    void theMemberHoldingAnUnansweredTeamThreadIsNotFoundByTheirName() {
        Practitioner lee = new Practitioner("drlee");
        lee.setGivenName("Emma");
        lee.setFamilyName("Lee");
        clinic.save(lee);
        String thread = writesToNurses("alice", "Refill please");
        InboxFilter byName = new InboxFilter(null, false, null, null, "emma lee");
        clinic.actAs("alice");
        assertEquals(List.of(), reading.inbox(byName, null, 0, 10), "held by Dr Lee, shown as the team");

        clinic.actAs("drlee");
        sending.send(new NewMessage(thread, "Sent to your pharmacy", null));
        clinic.actAs("alice");
        assertEquals(
                thread, reading.inbox(byName, null, 0, 10).get(0).conversation().getId(), "answered by Dr Lee");
    }

    @Test
    void oneMemberClaimsAndFromThenOnAloneIsNotifiedAndWrites() {
        String thread = writesToNurses("alice", "Refill please");
        clinic.actAs("drpatel");
        Conversation claimed = pools.claim(thread).conversation();
        assertEquals("drpatel", claimed.getClaimedBy().orElseThrow());

        clinic.actAs("drlee");
        assertRule(Rule.POOL_THREAD_CLAIMED, () -> pools.claim(thread));
        assertRule(Rule.POOL_THREAD_CLAIMED, () -> sending.send(new NewMessage(thread, "Me too", null)));
        assertThrows(ForbiddenException.class, () -> pools.release(thread), "only the holder or an admin");

        clinic.actAs("alice");
        clinic.published.clear();
        sending.send(new NewMessage(thread, "Any news?", null));
        assertEquals(Set.of(Party.practitioner("drpatel")), notified());
    }

    @Test
    void answeringClaimsAndShowsTheMemberToThePatientSide() {
        String thread = writesToNurses("alice", "Refill please");
        clinic.actAs("drpatel");
        Message answer = sending.send(new NewMessage(thread, "Done", null));

        Conversation answered = clinic.conversations.find(thread).orElseThrow();
        assertEquals("drpatel", answered.getClaimedBy().orElseThrow());
        assertTrue(answered.isPoolAnswered());
        assertEquals(Party.practitioner("drpatel"), answered.recipientForPatientSide());
        assertEquals(Party.patient("alice"), answer.getRecipient());
    }

    @Test
    void releasedOrAssignedTheThreadMovesBetweenMembersOnly() {
        String thread = writesToNurses("alice", "Refill please");
        clinic.actAs("drlee");
        pools.claim(thread);
        assertFalse(pools.release(thread).conversation().getClaimedBy().isPresent());
        assertEquals(
                "drpatel",
                pools.assign(thread, "drpatel").conversation().getClaimedBy().orElseThrow());
        clinic.actAs("drpatel");
        assertRule(Rule.RECIPIENT_NOT_ELIGIBLE, () -> pools.assign(thread, "nursekim"));
        clinic.actAs("alice");
        assertThrows(ForbiddenException.class, () -> pools.claim(thread));
    }

    @Test
    void aMemberWhoCannotBeWrittenToForThePatientIsNotReachedAndDoesNotSeeTheThread() {
        String thread = writesToNurses("ben", "Hello");
        assertEquals(Set.of(Party.practitioner("drlee")), notified());
        clinic.actAs("drpatel");
        assertThrows(NotFoundException.class, () -> pools.claim(thread));
    }

    @Test
    void aConfidentialThreadIsNeverPooledAndOnlyThePatientSideAddressesATeam() {
        clinic.actAs("alice");
        assertRule(
                Rule.POOL_THREAD_CONFIDENTIAL,
                () -> sending.start(new NewThread(
                        "alice", null, "general", null, true, null, null, null, null, false, false, null, "nurses")));
        assertRule(
                Rule.RECIPIENT_NOT_ELIGIBLE,
                () -> sending.start(new NewThread(
                        "alice", null, "billing", null, false, null, null, null, null, false, false, null, "nurses")));
        clinic.actAs("drlee");
        assertThrows(
                ForbiddenException.class,
                () -> sending.start(new NewThread(
                        "alice", null, "general", null, false, null, null, null, null, false, false, null, "nurses")));
    }

    @Test
    void aReplyInATeamsThreadCountsForTheTeamAndForTheMemberWhoAnswered() {
        clinic.later(Duration.ofDays(2)); // Monday 10:00: the report counts business time
        String pooled = writesToNurses("alice", "Refill please");
        clinic.later(Duration.ofMinutes(30));
        clinic.actAs("drpatel");
        sending.send(new NewMessage(pooled, "Done", null));
        clinic.actAs("alice");
        String direct = clinic.start("alice", "drlee");
        sending.send(new NewMessage(direct, "Hello", null));
        clinic.later(Duration.ofMinutes(10));
        clinic.actAs("drlee");
        sending.send(new NewMessage(direct, "Hi", null));

        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
        ResponseTimes report = clinic.bean(ResponseTimes.class);
        Instant from = clinic.clock.instant().minus(Duration.ofDays(1));
        Instant to = clinic.clock.instant().plusSeconds(1);
        assertEquals(
                List.of(new TeamResponseTimes("nurses", 1, Duration.ofMinutes(30), Duration.ofMinutes(30))),
                report.byPool(from, to));
        assertEquals(
                Set.of("drpatel", "drlee"),
                report.byPractitioner(from, to).stream()
                        .map(PractitionerResponseTimes::practitionerId)
                        .collect(Collectors.toSet()));
    }

    @Test
    void aThreadToOnePractitionerIsNotClaimed() {
        clinic.actAs("alice");
        String thread = clinic.start("alice", "drlee");
        clinic.actAs("drlee");
        assertRule(Rule.THREAD_NOT_POOLED, () -> pools.claim(thread));
    }
}
