package dev.missive.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.domain.Message;
import dev.missive.domain.Participant;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.domain.ThreadView;
import dev.missive.notification.NotificationRequested;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The thread and message rules of the service, each test failing if its rule is removed. */
class ConversationServiceTest {

    private final TestClinic clinic = new TestClinic();
    private final ConversationService service = clinic.service;

    @Test
    void aPatientStartsAThreadWithAPractitionerOnTheirCareTeam() {
        ThreadView view = service.start(NewThread.of(null, "drlee", "general", "Knee", false));
        assertEquals("alice", view.conversation().getPatientId());
        assertEquals(Party.patient("alice"), view.participant().getParty());
        assertEquals(2, clinic.conversations.participants(view.conversation().getId()).size());
    }

    @Test
    void nobodyStartsAThreadForSomeoneElse() {
        assertThrows(ForbiddenException.class, () -> clinic.start("chloe", "drlee"));
        clinic.actAs("drpatel");
        assertThrows(ForbiddenException.class, () -> clinic.start("alice", "drlee"));
        clinic.actAs("integration");
        assertThrows(ForbiddenException.class, () -> clinic.start("alice", "drlee"));
    }

    @Test
    void unknownMessageTypesAreRefused() {
        assertThrows(InvalidRequestException.class, () -> service.start(NewThread.of(null, "drlee", "gossip", null, false)));
    }

    @Test
    void sendingNotifiesTheOtherSideAndCountsItUnread() {
        String thread = clinic.start("alice", "drlee");
        clinic.later(Duration.ofMinutes(1));
        Message message = service.send(new NewMessage(thread, "  Hello  ", null));

        assertEquals("Hello", message.getText());
        assertEquals(Party.practitioner("drlee"), message.getRecipient());
        assertEquals(List.of(new NotificationRequested(message.getId(), thread, Party.practitioner("drlee"))),
                clinic.published);
        Participant practitioner = clinic.conversations.findParticipant(thread, Party.practitioner("drlee")).orElseThrow();
        Participant patient = clinic.conversations.findParticipant(thread, Party.patient("alice")).orElseThrow();
        assertEquals(1, practitioner.getUnread());
        assertEquals(0, patient.getUnread());
        assertEquals(clinic.clock.instant(), clinic.conversations.find(thread).orElseThrow().getLastActivity());
    }

    @Test
    void outsidersCannotReadOrWriteAThread() {
        String thread = clinic.start("alice", "drlee");
        String message = service.send(new NewMessage(thread, "Hello", null)).getId();
        clinic.actAs("drpatel");
        assertThrows(NotFoundException.class, () -> service.communication(thread).thread());
        assertThrows(NotFoundException.class, () -> service.message(message));
        assertThrows(NotFoundException.class, () -> service.communication(thread));
        assertThrows(NotFoundException.class, () -> service.communication(message));
        assertThrows(NotFoundException.class, () -> service.messages(thread, 0, 10));
        assertThrows(NotFoundException.class, () -> service.send(new NewMessage(thread, "Hi", null)));
        assertTrue(service.inbox(InboxFilter.ALL, null, 0, 10).isEmpty());
    }

    @Test
    void aReadByIdFindsTheThreadOrTheMessageWhicheverTheIdNames() {
        String thread = clinic.start("alice", "drlee");
        String message = service.send(new NewMessage(thread, "Hello", null)).getId();
        ThreadOrMessage header = service.communication(thread);
        assertEquals(thread, header.thread().conversation().getId());
        assertNull(header.message());
        ThreadOrMessage sent = service.communication(message);
        assertEquals(message, sent.message().getId());
        assertNull(sent.thread());
        assertThrows(NotFoundException.class, () -> service.communication("no-such-id"));
    }

    @Test
    void aFirstPageComesWithTheTotalItIsAPageOf() {
        String older = clinic.start("alice", "drlee");
        clinic.clock.advance(Duration.ofMinutes(1));
        String newer = clinic.start("alice", "drlee");
        service.send(new NewMessage(newer, "One", null));
        service.send(new NewMessage(newer, "Two", null));
        Page<ThreadView> inbox = service.inboxPage(InboxFilter.ALL, 1);
        assertEquals(2, inbox.total());
        assertEquals(List.of(newer), inbox.items().stream().map(view -> view.conversation().getId()).toList());
        assertTrue(service.inboxPage(InboxFilter.ALL, 0).items().isEmpty(), "a count reads no threads");
        Page<Message> messages = service.messagePage(newer, 1);
        assertEquals(2, messages.total());
        assertEquals(List.of("One"), messages.items().stream().map(Message::getText).toList());
        assertEquals(0, service.messagePage(older, 20).total());
    }

    @Test
    void integrationEnginesReadEveryThreadButNeitherWriteNorHaveAnInbox() {
        String thread = clinic.start("alice", "drlee");
        clinic.actAs("integration");
        assertEquals(thread, service.communication(thread).thread().conversation().getId());
        assertEquals(0, service.inboxPage(InboxFilter.ALL, 0).total());
        assertThrows(ForbiddenException.class, () -> service.send(new NewMessage(thread, "From the EHR", null)));
    }

    @Test
    void messagesNeedTextWithinTheLimitAndAnswerTheirOwnThread() {
        String thread = clinic.start("alice", "drlee");
        String other = clinic.start("alice", "drlee");
        String elsewhere = service.send(new NewMessage(other, "Elsewhere", null)).getId();
        assertThrows(InvalidRequestException.class, () -> service.send(new NewMessage(thread, "   ", null)));
        assertThrows(InvalidRequestException.class,
                () -> service.send(new NewMessage(thread, "x".repeat(Message.MAX_TEXT_LENGTH + 1), null)));
        assertThrows(InvalidRequestException.class, () -> service.send(new NewMessage(thread, "Re", elsewhere)));
        assertEquals(0, service.messagePage(thread, 0).total());
    }

    @Test
    void nothingIsWrittenWhileMessagingIsOff() {
        String thread = clinic.start("alice", "drlee");
        clinic.policy.setMessagingEnabled(false);
        assertRule("messaging-disabled", () -> clinic.start("alice", "drlee"));
        assertRule("messaging-disabled", () -> service.send(new NewMessage(thread, "Hello", null)));
        assertEquals(thread, service.communication(thread).thread().conversation().getId(), "threads stay readable");
    }

    @Test
    void patientsStartThreadsOnlyWhenTheClinicAllowsIt() {
        clinic.policy.setPatientsMayStart(false);
        assertRule("patients-may-not-start", () -> clinic.start("alice", "drlee"));
        clinic.actAs("drlee");
        String thread = clinic.start("alice", "drlee");
        clinic.actAs("alice");
        service.send(new NewMessage(thread, "Thanks for writing", null));
    }

    @Test
    void onlyOfferedMessageTypesAreAccepted() {
        clinic.policy.getMessageTypes().remove("billing");
        assertRule("message-type-not-offered",
                () -> service.start(NewThread.of(null, "drlee", "billing", null, false)));
    }

    @Test
    void onlyCareTeamMembersAvailableForPortalMessagesAreEligible() {
        assertRule("recipient-not-eligible", () -> clinic.start("alice", "nursekim"));
        clinic.actAs("chloe");
        assertRule("recipient-not-eligible", () -> clinic.start("chloe", "drpatel"));
        assertEquals(List.of("drlee", "drpatel"), recipients("alice", "general"));
        clinic.roles.find("role-drpatel").orElseThrow().getMessageTypes().add("billing");
        assertEquals(List.of("drlee", "drpatel"), recipients("alice", "billing"));
        assertEquals(List.of("drlee"), recipients("alice", "test-results"), "Dr Patel takes billing messages only");
    }

    @Test
    void peopleAskWhomTheyMayWriteToOnlyForThePatientsTheyActFor() {
        clinic.actAs("gina");
        assertEquals("drlee", clinic.eligibility.recipientsForCaller("ben", "general").get(0).practitioner().getId());
        assertThrows(NotFoundException.class, () -> clinic.eligibility.recipientsForCaller("alice", "general"));
        clinic.actAs("alice");
        assertThrows(NotFoundException.class, () -> clinic.eligibility.recipientsForCaller("ben", "general"));
        clinic.actAs("integration");
        assertEquals(2, clinic.eligibility.recipientsForCaller("alice", "general").size());
    }

    @Test
    void underTheAppointmentPolicyRecentVisitsMakeEligibility() {
        clinic.policy.setEligibilityBasis(dev.missive.domain.EligibilityBasis.APPOINTMENT);
        clinic.policy.setAppointmentWindowDays(30);
        assertEquals(List.of(), recipients("chloe", "general"), "no visit, nobody to write to");
        visit("chloe", "drlee", Duration.ofDays(10), "fulfilled");
        visit("chloe", "drpatel", Duration.ofDays(40), "fulfilled");
        assertEquals(List.of("drlee"), recipients("chloe", "general"));
        visit("ben", "drlee", Duration.ofDays(2), "cancelled");
        assertEquals(List.of(), recipients("ben", "general"), "a cancelled visit does not count");
    }

    @Test
    void practitionersStartThreadsOnlyWithTheirOwnPatients() {
        clinic.actAs("drpatel");
        assertRule("not-your-patient", () -> clinic.start("chloe", "drpatel"));
        clinic.start("alice", "drpatel");
    }

    @Test
    void eligibilityIsCheckedAgainOnEveryReply() {
        String thread = clinic.start("alice", "drlee");
        clinic.careTeams.find("team-alice").orElseThrow().getPractitionerIds().remove("drlee");
        assertRule("read-only-thread", () -> service.send(new NewMessage(thread, "Still there?", null)));
        assertEquals(thread, service.communication(thread).thread().conversation().getId(), "still readable");

        clinic.actAs("chloe");
        String other = clinic.start("chloe", "drlee");
        clinic.roles.find("role-drlee").orElseThrow().setPortalMessaging(false);
        assertRule("read-only-thread", () -> service.send(new NewMessage(other, "Hello?", null)));
        clinic.actAs("drlee");
        service.send(new NewMessage(other, "The practitioner can still write", null));
    }

    @Test
    void aProxyActsForEachOfTheirPatientsAndIsTheSender() {
        clinic.actAs("gina");
        ThreadView view = service.start(NewThread.of("ben", "drlee", "general", "Ben's cough", false));
        Party gina = new Party(PartyType.RELATED_PERSON, "gina-for-ben");
        assertEquals(gina, view.conversation().getStartedBy());
        Message message = service.send(new NewMessage(view.conversation().getId(), "He coughs at night", null));
        assertEquals(gina, message.getSender());
        assertEquals("ben", view.conversation().getPatientId());
        assertThrows(ForbiddenException.class, () -> clinic.start("alice", "drlee"), "not Alice's proxy");
    }

    @Test
    void aProxyNeverSeesAConfidentialThread() {
        clinic.actAs("ben");
        String open = clinic.start("ben", "drlee");
        String confidential = service.start(NewThread.of("ben", "drlee", "general", "Private", true))
                .conversation().getId();
        clinic.actAs("gina");
        assertThrows(NotFoundException.class, () -> service.communication(confidential).thread());
        assertThrows(NotFoundException.class, () -> service.send(new NewMessage(confidential, "Hi", null)));
        List<String> inbox = service.inbox(InboxFilter.ALL, null, 0, 10).stream().map(v -> v.conversation().getId()).toList();
        assertEquals(List.of(open), inbox);
        assertEquals(1, service.inboxPage(InboxFilter.ALL, 0).total());
        assertThrows(ForbiddenException.class,
                () -> service.start(NewThread.of("ben", "drlee", "general", null, true)), "proxies cannot hide threads");
    }

    @Test
    void aProxyIsNotifiedOfNonConfidentialThreadsOnly() {
        clinic.actAs("drlee");
        String open = clinic.start("ben", "drlee");
        String confidential = service.start(NewThread.of("ben", "drlee", "general", null, true)).conversation().getId();
        service.send(new NewMessage(open, "Results are fine", null));
        service.send(new NewMessage(confidential, "About what we discussed", null));
        Party gina = new Party(PartyType.RELATED_PERSON, "gina-for-ben");
        assertEquals(1, clinic.published.stream().filter(n -> n.recipient().equals(gina)).count());
        assertTrue(clinic.published.stream().noneMatch(n -> n.recipient().equals(gina)
                && n.conversationId().equals(confidential)));
    }

    @Test
    void aProxyWhoArrivedAfterTheThreadStartedTakesPartFromTheirFirstMessage() {
        clinic.actAs("ben");
        String thread = clinic.start("ben", "drlee");
        clinic.proxy("grandma-for-ben", "ben").setPortalUsername("grandma");
        clinic.caller = new Caller("grandma", java.util.EnumSet.of(Role.PROXY), java.util.Optional.empty(),
                java.util.Map.of("ben", "grandma-for-ben"));
        Party grandma = new Party(PartyType.RELATED_PERSON, "grandma-for-ben");
        assertTrue(clinic.conversations.findParticipant(thread, grandma).isEmpty());
        service.send(new NewMessage(thread, "Grandma here", null));
        assertTrue(clinic.conversations.findParticipant(thread, grandma).isPresent());
        clinic.actAs("drlee");
        service.send(new NewMessage(thread, "Hello grandma", null));
        assertTrue(clinic.published.stream().anyMatch(n -> n.recipient().equals(grandma)), "now notified too");
    }

    @Test
    void aRevokedProxyLosesAccessAtOnce() {
        clinic.actAs("gina");
        String thread = clinic.start("ben", "drlee");
        clinic.relatedPersons.find("gina-for-ben").orElseThrow().setActive(false);
        clinic.actAs("gina");
        assertThrows(NotFoundException.class, () -> service.communication(thread).thread());
    }

    @Test
    void draftsAreTheAuthorsAloneUntilSent() {
        ThreadView draft = service.start(new NewThread(null, "drlee", "general", "Draft", false, null, null, null,
                null, false, true));
        String id = draft.conversation().getId();
        Message draftMessage = service.send(new NewMessage(id, "Half written", null, true));
        assertEquals(1, service.draftThreads().size());
        assertEquals(List.of(draftMessage.getId()), service.draftMessages().stream().map(Message::getId).toList());
        assertTrue(clinic.published.isEmpty(), "a draft notifies nobody");

        clinic.actAs("drlee");
        assertThrows(NotFoundException.class, () -> service.communication(id).thread());
        assertEquals(0, service.inboxPage(InboxFilter.ALL, 0).total());

        clinic.actAs("alice");
        service.editDraftThread(id, new NewThread("alice", "drpatel", "general", "Edited", false, null, null, null,
                null, false, true));
        assertEquals("drpatel", service.communication(id).thread().conversation().getPractitionerId(), "recipient edited");
        service.editDraftThread(id, NewThread.of("alice", "drlee", "general", "Sent", false));
        service.editDraftMessage(draftMessage.getId(), new NewMessage(id, "Whole now", null, false));

        clinic.actAs("drlee");
        assertEquals("Sent", service.communication(id).thread().conversation().getTopic());
        assertEquals("Whole now", service.messages(id, 0, 10).get(0).getText());
        assertEquals(1, clinic.published.size());
    }

    @Test
    void onlyDraftsCanBeDiscarded() {
        String thread = clinic.start("alice", "drlee");
        Message sent = service.send(new NewMessage(thread, "Sent", null));
        Message draft = service.send(new NewMessage(thread, "Not yet", null, true));
        assertThrows(InvalidRequestException.class, () -> service.discardDraft(sent.getId()));
        assertThrows(InvalidRequestException.class, () -> service.discardDraft(thread));
        clinic.actAs("drlee");
        assertThrows(NotFoundException.class, () -> service.discardDraft(draft.getId()), "someone else's draft");
        clinic.actAs("alice");
        service.discardDraft(draft.getId());
        assertTrue(service.draftMessages().isEmpty());
    }

    @Test
    void aPractitionerWhoChargesNeedsThePatientsBillingConsent() {
        assertRule("billing-consent-required", () -> clinic.start("alice", "drpatel"));
        consent("consent-chloe", "chloe");
        assertRule("billing-consent-required", () -> service.start(new NewThread(null, "drpatel", "general", null, false,
                null, "consent-chloe", null, null, false, false)));
        consent("consent-alice", "alice");
        ThreadView view = service.start(new NewThread(null, "drpatel", "general", null, false, null, "consent-alice",
                null, null, false, false));
        assertEquals("consent-alice", view.conversation().getBillingConsentId());
    }

    @Test
    void aThreadSaysWhichEpisodeItIsRegardingWhenThereIsMoreThanOne() {
        episode("knee", "alice");
        clinic.start("alice", "drlee");
        episode("diabetes", "alice");
        assertRule("regarding-required", () -> clinic.start("alice", "drlee"));
        ThreadView view = service.start(new NewThread(null, "drlee", "general", null, false, "knee", null, null, null, false,
                false));
        assertEquals("knee", view.conversation().getEpisodeId());
        episode("bens", "ben");
        assertThrows(InvalidRequestException.class, () -> service.start(new NewThread(null, "drlee", "general", null,
                false, "bens", null, null, null, false, false)));
    }

    @Test
    void noResponseNeededClosesTheThreadAsTheMessageIsSent() {
        String thread = service.start(new NewThread(null, "drlee", "general", null, false, null, null, null, null,
                true, false)).conversation().getId();
        assertEquals(dev.missive.domain.ConversationStatus.OPEN, clinic.conversations.find(thread).orElseThrow().getStatus());
        service.send(new NewMessage(thread, "Just so you know: the rash is gone", null));
        assertEquals(dev.missive.domain.ThreadStatusReason.NO_RESPONSE_NEEDED,
                clinic.conversations.find(thread).orElseThrow().getStatusReason());
        assertEquals(1, clinic.published.size(), "the practitioner is still told");
        clinic.actAs("drlee");
        assertRule("thread-closed", () -> service.send(new NewMessage(thread, "Glad to hear", null)));
    }

    @Test
    void searchTextNeedsThreeCharacters() {
        assertThrows(InvalidRequestException.class, () -> new InboxFilter(null, false, null, null, "ab"));
        assertEquals("abc", new InboxFilter(null, false, null, null, "abc").text());
    }

    @Test
    void theInboxFiltersByStateTypeAndPatient() {
        clinic.actAs("drlee");
        String alices = clinic.start("alice", "drlee");
        String bens = service.start(NewThread.of("ben", "drlee", "test-results", null, false)).conversation().getId();
        clinic.actAs("alice");
        service.send(new NewMessage(alices, "Unread for Dr Lee", null));
        clinic.actAs("drlee");
        assertEquals(List.of(alices), ids(new InboxFilter(null, true, null, null, null)));
        assertEquals(List.of(bens), ids(new InboxFilter(null, false, "test-results", null, null)));
        assertEquals(List.of(bens), ids(new InboxFilter(null, false, null, "ben", null)));
        assertFalse(ids(new InboxFilter(false, false, null, null, null)).isEmpty());
    }

    @Test
    void aNextPageStartsAfterTheLastThreadShownEvenWhenAnotherMovesUp() {
        clinic.actAs("drlee");
        List<String> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clinic.later(Duration.ofMinutes(1));
            threads.add(clinic.start("alice", "drlee"));
        }
        List<ThreadView> first = service.inbox(InboxFilter.ALL, null, 0, 2);
        assertEquals(List.of(threads.get(3), threads.get(2)), first.stream().map(v -> v.conversation().getId()).toList());
        clinic.later(Duration.ofMinutes(1));
        service.send(new NewMessage(threads.get(0), "The oldest thread moves to the top", null));
        dev.missive.domain.InboxCursor cursor = dev.missive.domain.InboxCursor.after(first.get(1).conversation());
        assertEquals(List.of(threads.get(1)), service.inbox(InboxFilter.ALL, cursor, 99, 2).stream()
                .map(v -> v.conversation().getId()).toList(), "no thread shown twice, none skipped");
    }

    private List<String> ids(InboxFilter filter) {
        return service.inbox(filter, null, 0, 20).stream().map(v -> v.conversation().getId()).toList();
    }

    private List<String> recipients(String patientId, String type) {
        return clinic.eligibility.recipients(patientId, type).stream()
                .map(dev.missive.domain.PractitionerRole::getPractitionerId).toList();
    }

    private void visit(String patientId, String practitionerId, Duration ago, String status) {
        dev.missive.domain.Appointment appointment = new dev.missive.domain.Appointment(patientId + practitionerId + ago);
        appointment.setPatientId(patientId);
        appointment.getPractitionerIds().add(practitionerId);
        appointment.setStart(clinic.clock.instant().minus(ago));
        appointment.setStatus(status);
        clinic.appointments.add(appointment);
    }

    private void consent(String id, String patientId) {
        dev.missive.domain.Consent consent = new dev.missive.domain.Consent(id);
        consent.setPatientId(patientId);
        consent.setStatus("active");
        consent.setCategory(dev.missive.domain.Consent.MESSAGE_BILLING);
        clinic.consents.add(consent);
    }

    private void episode(String id, String patientId) {
        dev.missive.domain.EpisodeOfCare episode = new dev.missive.domain.EpisodeOfCare(id);
        episode.setPatientId(patientId);
        episode.setStatus("active");
        clinic.episodes.add(episode);
    }

    private static void assertRule(String rule, Runnable request) {
        RuleViolationException refused = assertThrows(RuleViolationException.class, request::run);
        assertEquals(rule, refused.rule());
    }
}
