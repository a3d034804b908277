package dev.missive.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.domain.CareTeam;
import dev.missive.domain.Message;
import dev.missive.domain.Participant;
import dev.missive.domain.Party;
import dev.missive.domain.Patient;
import dev.missive.domain.Practitioner;
import dev.missive.domain.ThreadView;
import dev.missive.notification.NotificationRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationServiceTest {

    private final InMemoryRepositories.Patients patients = new InMemoryRepositories.Patients();
    private final InMemoryRepositories.Practitioners practitioners = new InMemoryRepositories.Practitioners();
    private final InMemoryRepositories.CareTeams careTeams = new InMemoryRepositories.CareTeams();
    private final InMemoryRepositories.Conversations conversations = new InMemoryRepositories.Conversations();
    private final List<NotificationRequested> published = new ArrayList<>();
    private final DefaultConversationService service = new DefaultConversationService();
    private Caller caller;
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");

    @BeforeEach
    void directory() {
        patients.add(new Patient("alice"));
        patients.add(new Patient("chloe"));
        practitioners.add(new Practitioner("drlee"));
        practitioners.add(new Practitioner("drpatel"));
        CareTeam team = new CareTeam("team-alice");
        team.setPatientId("alice");
        team.getPractitionerIds().add("drlee");
        careTeams.add(team);

        service.patients = patients;
        service.practitioners = practitioners;
        service.careTeams = careTeams;
        service.conversations = conversations;
        service.access = new ThreadAccess();
        service.access.conversations = conversations;
        service.notifications = published::add;
        service.callers = () -> caller;
        service.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        actAs(Role.PATIENT, Party.patient("alice"));
    }

    private void actAs(Role role, Party party) {
        caller = new Caller(party == null ? "system" : party.id(), EnumSet.of(role), Optional.ofNullable(party));
    }

    @Test
    void aPatientStartsAThreadWithAPractitionerOnTheirCareTeam() {
        ThreadView view = service.start(new NewThread(null, "drlee", "general", "Knee", false));
        assertEquals("alice", view.conversation().getPatientId());
        assertEquals(Party.patient("alice"), view.participant().getParty());
        assertEquals(2, conversations.participants(view.conversation().getId()).size());
    }

    @Test
    void aPractitionerOutsideTheCareTeamIsNotEligible() {
        RuleViolationException refused = assertThrows(RuleViolationException.class,
                () -> service.start(new NewThread("alice", "drpatel", "general", null, false)));
        assertEquals("recipient-not-eligible", refused.rule());
    }

    @Test
    void nobodyStartsAThreadForSomeoneElse() {
        assertThrows(ForbiddenException.class, () -> service.start(new NewThread("chloe", "drlee", "general", null, false)));
        actAs(Role.PRACTITIONER, Party.practitioner("drpatel"));
        assertThrows(ForbiddenException.class, () -> service.start(new NewThread("alice", "drlee", "general", null, false)));
    }

    @Test
    void unknownMessageTypesAreRefused() {
        assertThrows(InvalidRequestException.class, () -> service.start(new NewThread(null, "drlee", "gossip", null, false)));
    }

    @Test
    void sendingNotifiesTheOtherSideAndCountsItUnread() {
        String thread = service.start(new NewThread(null, "drlee", "general", null, false)).conversation().getId();
        now = now.plus(Duration.ofMinutes(1));
        Message message = service.send(new NewMessage(thread, "  Hello  ", null));

        assertEquals("Hello", message.getText());
        assertEquals(Party.practitioner("drlee"), message.getRecipient());
        assertEquals(List.of(new NotificationRequested(message.getId(), thread, Party.practitioner("drlee"))), published);
        Participant practitioner = conversations.findParticipant(thread, Party.practitioner("drlee")).orElseThrow();
        Participant patient = conversations.findParticipant(thread, Party.patient("alice")).orElseThrow();
        assertEquals(1, practitioner.getUnread());
        assertEquals(0, patient.getUnread());
        assertEquals(now, conversations.find(thread).orElseThrow().getLastActivity());
    }

    @Test
    void outsidersCannotReadOrWriteAThread() {
        String thread = service.start(new NewThread(null, "drlee", "general", null, false)).conversation().getId();
        String message = service.send(new NewMessage(thread, "Hello", null)).getId();
        actAs(Role.PRACTITIONER, Party.practitioner("drpatel"));
        assertThrows(NotFoundException.class, () -> service.thread(thread));
        assertThrows(NotFoundException.class, () -> service.message(message));
        assertThrows(NotFoundException.class, () -> service.messages(thread, 0, 10));
        assertThrows(NotFoundException.class, () -> service.send(new NewMessage(thread, "Hi", null)));
        assertTrue(service.inbox(0, 10).isEmpty());
    }

    @Test
    void integrationEnginesReadEveryThreadButHaveNoInbox() {
        String thread = service.start(new NewThread(null, "drlee", "general", null, false)).conversation().getId();
        actAs(Role.INTEGRATION, null);
        assertEquals(thread, service.thread(thread).conversation().getId());
        assertEquals(0, service.inboxSize());
    }

    @Test
    void messagesNeedTextWithinTheLimitAndAnswerTheirOwnThread() {
        String thread = service.start(new NewThread(null, "drlee", "general", null, false)).conversation().getId();
        String other = service.start(new NewThread(null, "drlee", "general", null, false)).conversation().getId();
        String elsewhere = service.send(new NewMessage(other, "Elsewhere", null)).getId();
        assertThrows(InvalidRequestException.class, () -> service.send(new NewMessage(thread, "   ", null)));
        assertThrows(InvalidRequestException.class,
                () -> service.send(new NewMessage(thread, "x".repeat(Message.MAX_TEXT_LENGTH + 1), null)));
        assertThrows(InvalidRequestException.class, () -> service.send(new NewMessage(thread, "Re", elsewhere)));
        assertEquals(0, service.messageCount(thread));
    }
}
