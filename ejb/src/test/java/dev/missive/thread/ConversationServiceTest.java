package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.directory.RelatedPerson;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.eligibility.EligibilityService;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.Page;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.service.VersionConflictException;
import dev.missive.testing.TestClinic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The thread and message rules of the service, each test failing if its rule is removed. */
class ConversationServiceTest {

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final DraftService drafts = clinic.bean(DraftService.class);
    private final ThreadEditing editing = clinic.bean(ThreadEditing.class);
    private final ReadingService reading = clinic.bean(ReadingService.class);

    @Test
    void aPatientStartsAThreadWithAPractitionerOnTheirCareTeam() {
        ThreadView view = sending.start(NewThread.of(null, "drlee", "general", "Knee", false));
        assertEquals("alice", view.conversation().getPatientId());
        assertEquals(Party.patient("alice"), view.participant().getParty());
        assertEquals(
                2,
                clinic.conversations.participants(view.conversation().getId()).size());
    }

    @Test
    void nobodyStartsAThreadForSomeoneElse() {
        assertThrows(ForbiddenException.class, () -> clinic.start("chloe", "drlee"));
        clinic.actAs("drpatel");
        assertThrows(ForbiddenException.class, () -> clinic.start("alice", "drlee"));
        clinic.actAs("integration");
        assertEquals(
                Rule.SENDER_REQUIRED,
                assertThrows(RuleViolationException.class, () -> clinic.start("alice", "drlee"))
                        .rule(),
                "an integration engine names the practitioner it writes for");
    }

    @Test
    void unknownMessageTypesAreRefused() {
        assertThrows(
                InvalidRequestException.class, () -> sending.start(NewThread.of(null, "drlee", "gossip", null, false)));
    }

    @Test
    void aSubjectLongerThanItsLimitIsRefusedAndNothingWritten() {
        long before = reading.inboxPage(InboxFilter.ALL, 0).total();
        String tooLong = "s".repeat(Conversation.MAX_TOPIC_LENGTH + 1);
        assertThrows(
                InvalidRequestException.class,
                () -> sending.start(NewThread.of(null, "drlee", "general", tooLong, false)));
        assertEquals(before, reading.inboxPage(InboxFilter.ALL, 0).total());

        String longest = "s".repeat(Conversation.MAX_TOPIC_LENGTH);
        ThreadView view = sending.start(NewThread.of(null, "drlee", "general", longest, false));
        assertEquals(longest, view.conversation().getTopic());
    }

    @Test
    void sendingNotifiesTheOtherSideAndCountsItUnread() {
        String thread = clinic.start("alice", "drlee");
        clinic.later(Duration.ofMinutes(1));
        Message message = sending.send(new NewMessage(thread, "  Hello  ", null));

        assertEquals("Hello", message.getText());
        assertEquals(Party.practitioner("drlee"), message.getRecipient());
        assertEquals(
                List.of(new NotificationRequested(message.getId(), thread, Party.practitioner("drlee"))),
                clinic.published);
        Participant practitioner = clinic.conversations
                .findParticipant(thread, Party.practitioner("drlee"))
                .orElseThrow();
        Participant patient = clinic.conversations
                .findParticipant(thread, Party.patient("alice"))
                .orElseThrow();
        assertEquals(1, practitioner.getUnread());
        assertEquals(0, patient.getUnread());
        assertEquals(
                clinic.clock.instant(),
                clinic.conversations.find(thread).orElseThrow().getLastActivity());
    }

    @Test
    void outsidersCannotReadOrWriteAThread() {
        String thread = clinic.start("alice", "drlee");
        String message = sending.send(new NewMessage(thread, "Hello", null)).getId();
        clinic.actAs("drpatel");
        assertThrows(
                NotFoundException.class, () -> reading.communication(thread).thread());
        assertThrows(NotFoundException.class, () -> reading.message(message));
        assertThrows(NotFoundException.class, () -> reading.communication(thread));
        assertThrows(NotFoundException.class, () -> reading.communication(message));
        assertThrows(NotFoundException.class, () -> reading.messages(thread, 0, 10));
        assertThrows(NotFoundException.class, () -> sending.send(new NewMessage(thread, "Hi", null)));
        assertTrue(reading.inbox(InboxFilter.ALL, null, 0, 10).isEmpty());
    }

    @Test
    void aReadByIdFindsTheThreadOrTheMessageWhicheverTheIdNames() {
        String thread = clinic.start("alice", "drlee");
        String message = sending.send(new NewMessage(thread, "Hello", null)).getId();
        ThreadOrMessage header = reading.communication(thread);
        assertEquals(thread, header.thread().conversation().getId());
        assertNull(header.message());
        ThreadOrMessage sent = reading.communication(message);
        assertEquals(message, sent.message().getId());
        assertNull(sent.thread());
        assertThrows(NotFoundException.class, () -> reading.communication("no-such-id"));
    }

    @Test
    void aFirstPageComesWithTheTotalItIsAPageOf() {
        String older = clinic.start("alice", "drlee");
        clinic.clock.advance(Duration.ofMinutes(1));
        String newer = clinic.start("alice", "drlee");
        sending.send(new NewMessage(newer, "One", null));
        clinic.later(Duration.ofSeconds(1));
        sending.send(new NewMessage(newer, "Two", null));
        Page<ThreadView> inbox = reading.inboxPage(InboxFilter.ALL, 1);
        assertEquals(2, inbox.total());
        assertEquals(
                List.of(newer),
                inbox.items().stream().map(view -> view.conversation().getId()).toList());
        assertTrue(reading.inboxPage(InboxFilter.ALL, 0).items().isEmpty(), "a count reads no threads");
        Page<Message> messages = reading.messagePage(newer, 1);
        assertEquals(2, messages.total());
        assertEquals(
                List.of("One"), messages.items().stream().map(Message::getText).toList());
        assertEquals(0, reading.messagePage(older, 20).total());
    }

    @Test
    void integrationEnginesReadEveryThreadButWriteOnlyForAPractitionerAndHaveNoInbox() {
        String thread = clinic.start("alice", "drlee");
        clinic.actAs("integration");
        assertEquals(
                thread, reading.communication(thread).thread().conversation().getId());
        assertEquals(0, reading.inboxPage(InboxFilter.ALL, 0).total());
        assertEquals(
                Rule.SENDER_REQUIRED,
                assertThrows(
                                RuleViolationException.class,
                                () -> sending.send(new NewMessage(thread, "From the EHR", null)))
                        .rule());
    }

    @Test
    void messagesNeedTextWithinTheLimitAndAnswerTheirOwnThread() {
        String thread = clinic.start("alice", "drlee");
        String other = clinic.start("alice", "drlee");
        String elsewhere =
                sending.send(new NewMessage(other, "Elsewhere", null)).getId();
        assertThrows(InvalidRequestException.class, () -> sending.send(new NewMessage(thread, "   ", null)));
        assertThrows(
                InvalidRequestException.class,
                () -> sending.send(new NewMessage(thread, "x".repeat(Message.MAX_TEXT_LENGTH + 1), null)));
        assertThrows(InvalidRequestException.class, () -> sending.send(new NewMessage(thread, "Re", elsewhere)));
        assertEquals(0, reading.messagePage(thread, 0).total());
    }

    @Test
    void nothingIsWrittenWhileMessagingIsOff() {
        String thread = clinic.start("alice", "drlee");
        clinic.policy(policy -> policy.setMessagingEnabled(false));
        assertRule("messaging-disabled", () -> clinic.start("alice", "drlee"));
        assertRule("messaging-disabled", () -> sending.send(new NewMessage(thread, "Hello", null)));
        assertEquals(
                thread, reading.communication(thread).thread().conversation().getId(), "threads stay readable");
    }

    @Test
    void patientsStartThreadsOnlyWhenTheClinicAllowsIt() {
        clinic.policy(policy -> policy.setPatientsMayStart(false));
        assertRule("patients-may-not-start", () -> clinic.start("alice", "drlee"));
        assertEquals(
                List.of(),
                clinic.bean(EligibilityService.class).recipientsForCaller("alice", "general"),
                "nobody to start a thread with");
        clinic.actAs("drlee");
        String thread = clinic.start("alice", "drlee");
        clinic.actAs("alice");
        sending.send(new NewMessage(thread, "Thanks for writing", null));
    }

    @Test
    void onlyOfferedMessageTypesAreAccepted() {
        clinic.policy(policy -> policy.getMessageTypes().remove("billing"));
        assertRule(
                "message-type-not-offered", () -> sending.start(NewThread.of(null, "drlee", "billing", null, false)));
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
        assertEquals(
                "drlee",
                clinic.bean(EligibilityService.class)
                        .recipientsForCaller("ben", "general")
                        .get(0)
                        .practitioner()
                        .getId());
        assertThrows(
                NotFoundException.class,
                () -> clinic.bean(EligibilityService.class).recipientsForCaller("alice", "general"));
        clinic.actAs("alice");
        assertThrows(
                NotFoundException.class,
                () -> clinic.bean(EligibilityService.class).recipientsForCaller("ben", "general"));
        clinic.actAs("integration");
        assertEquals(
                2,
                clinic.bean(EligibilityService.class)
                        .recipientsForCaller("alice", "general")
                        .size());
    }

    @Test
    void underTheAppointmentPolicyRecentVisitsMakeEligibility() {
        clinic.policy(policy -> policy.setEligibilityBasis(dev.missive.policy.EligibilityBasis.APPOINTMENT));
        clinic.policy(policy -> policy.setAppointmentWindowDays(30));
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
        assertRule("read-only-thread", () -> sending.send(new NewMessage(thread, "Still there?", null)));
        assertEquals(
                thread, reading.communication(thread).thread().conversation().getId(), "still readable");

        clinic.actAs("chloe");
        String other = clinic.start("chloe", "drlee");
        clinic.roles.find("role-drlee").orElseThrow().setPortalMessaging(false);
        assertRule("read-only-thread", () -> sending.send(new NewMessage(other, "Hello?", null)));
        clinic.actAs("drlee");
        sending.send(new NewMessage(other, "The practitioner can still write", null));
    }

    @Test
    void aProxyActsForEachOfTheirPatientsAndIsTheSender() {
        clinic.actAs("gina");
        ThreadView view = sending.start(NewThread.of("ben", "drlee", "general", "Ben's cough", false));
        Party gina = new Party(PartyType.RELATED_PERSON, "gina-for-ben");
        assertEquals(gina, view.conversation().getStartedBy());
        Message message = sending.send(new NewMessage(view.conversation().getId(), "He coughs at night", null));
        assertEquals(gina, message.getSender());
        assertEquals("ben", view.conversation().getPatientId());
        assertThrows(ForbiddenException.class, () -> clinic.start("alice", "drlee"), "not Alice's proxy");
    }

    @Test
    void aProxyNeverSeesAConfidentialThread() {
        clinic.actAs("ben");
        String open = clinic.start("ben", "drlee");
        String confidential = sending.start(NewThread.of("ben", "drlee", "general", "Private", true))
                .conversation()
                .getId();
        clinic.actAs("gina");
        assertThrows(
                NotFoundException.class,
                () -> reading.communication(confidential).thread());
        assertThrows(NotFoundException.class, () -> sending.send(new NewMessage(confidential, "Hi", null)));
        List<String> inbox = reading.inbox(InboxFilter.ALL, null, 0, 10).stream()
                .map(v -> v.conversation().getId())
                .toList();
        assertEquals(List.of(open), inbox);
        assertEquals(1, reading.inboxPage(InboxFilter.ALL, 0).total());
        assertThrows(
                ForbiddenException.class,
                () -> sending.start(NewThread.of("ben", "drlee", "general", null, true)),
                "proxies cannot hide threads");
    }

    @Test
    void aProxyIsNotifiedOfNonConfidentialThreadsOnly() {
        clinic.actAs("drlee");
        String open = clinic.start("ben", "drlee");
        String confidential = sending.start(NewThread.of("ben", "drlee", "general", null, true))
                .conversation()
                .getId();
        sending.send(new NewMessage(open, "Results are fine", null));
        sending.send(new NewMessage(confidential, "About what we discussed", null));
        Party gina = new Party(PartyType.RELATED_PERSON, "gina-for-ben");
        assertEquals(
                1,
                clinic.published.stream()
                        .filter(n -> n.recipient().equals(gina))
                        .count());
        assertTrue(clinic.published.stream()
                .noneMatch(n -> n.recipient().equals(gina) && n.conversationId().equals(confidential)));
    }

    @Test
    void aProxyWhoArrivedAfterTheThreadStartedTakesPartFromTheirFirstMessage() {
        clinic.actAs("ben");
        String thread = clinic.start("ben", "drlee");
        clinic.proxy("grandma-for-ben", "ben").setPortalUsername("grandma");
        clinic.actAs(new Caller(
                "grandma",
                java.util.EnumSet.of(Role.PROXY),
                java.util.Optional.empty(),
                java.util.Map.of("ben", "grandma-for-ben")));
        Party grandma = new Party(PartyType.RELATED_PERSON, "grandma-for-ben");
        assertTrue(clinic.conversations.findParticipant(thread, grandma).isEmpty());
        sending.send(new NewMessage(thread, "Grandma here", null));
        assertTrue(clinic.conversations.findParticipant(thread, grandma).isPresent());
        clinic.actAs("drlee");
        sending.send(new NewMessage(thread, "Hello grandma", null));
        assertTrue(clinic.published.stream().anyMatch(n -> n.recipient().equals(grandma)), "now notified too");
    }

    @Test
    void aRevokedProxyLosesAccessAtOnce() {
        clinic.actAs("gina");
        String thread = clinic.start("ben", "drlee");
        clinic.relatedPersons.find("gina-for-ben").orElseThrow().setActive(false);
        clinic.actAs("gina");
        assertThrows(
                NotFoundException.class, () -> reading.communication(thread).thread());
    }

    @Test
    void draftsAreTheAuthorsAloneUntilSent() {
        ThreadView draft = drafts.saveThread(
                new NewThread(null, "drlee", "general", "Draft", false, null, null, null, null, false, true, null));
        String id = draft.conversation().getId();
        Message draftMessage = drafts.saveMessage(new NewMessage(id, "Half written", null, true));
        assertEquals(1, drafts.threads().size());
        assertEquals(
                List.of(draftMessage.getId()),
                drafts.messages().stream().map(Message::getId).toList());
        assertTrue(clinic.published.isEmpty(), "a draft notifies nobody");

        clinic.actAs("drlee");
        assertThrows(NotFoundException.class, () -> reading.communication(id).thread());
        assertEquals(0, reading.inboxPage(InboxFilter.ALL, 0).total());

        clinic.actAs("alice");
        editing.editThread(
                id,
                new NewThread(
                        "alice", "drpatel", "general", "Edited", false, null, null, null, null, false, true, null),
                null);
        assertEquals(
                "drpatel", reading.communication(id).thread().conversation().getPractitionerId(), "recipient edited");
        editing.editThread(id, NewThread.of("alice", "drlee", "general", "Sent", false), null);
        drafts.editMessage(draftMessage.getId(), new NewMessage(id, "Whole now", null, false), null);

        clinic.actAs("drlee");
        assertEquals("Sent", reading.communication(id).thread().conversation().getTopic());
        assertEquals("Whole now", reading.messages(id, 0, 10).get(0).getText());
        assertEquals(1, clinic.published.size());
    }

    @Test
    void anEditBasedOnAReplacedVersionOfADraftChangesNothing() {
        String thread = clinic.start("alice", "drlee");
        Message draft = drafts.saveMessage(new NewMessage(thread, "First", null, true));
        long seen = draft.getVersion();
        drafts.editMessage(draft.getId(), new NewMessage(thread, "Tab one", null, true), seen);
        assertThrows(
                VersionConflictException.class,
                () -> drafts.editMessage(draft.getId(), new NewMessage(thread, "Tab two", null, true), seen));
        assertEquals("Tab one", drafts.messages().get(0).getText());

        ThreadView draftThread = drafts.saveThread(draftThread("Draft"));
        String id = draftThread.conversation().getId();
        long threadSeen = draftThread.conversation().getVersion();
        editing.editThread(id, draftThread("Tab one"), threadSeen);
        assertThrows(VersionConflictException.class, () -> editing.editThread(id, draftThread("Tab two"), threadSeen));
        assertEquals("Tab one", drafts.threads().get(0).conversation().getTopic());
    }

    private static NewThread draftThread(String topic) {
        return new NewThread("alice", "drlee", "general", topic, false, null, null, null, null, false, true, null);
    }

    @Test
    void onlyDraftsCanBeDiscarded() {
        String thread = clinic.start("alice", "drlee");
        Message sent = sending.send(new NewMessage(thread, "Sent", null));
        Message draft = drafts.saveMessage(new NewMessage(thread, "Not yet", null, true));
        assertThrows(InvalidRequestException.class, () -> drafts.discard(sent.getId()));
        assertThrows(InvalidRequestException.class, () -> drafts.discard(thread));
        clinic.actAs("drlee");
        assertThrows(NotFoundException.class, () -> drafts.discard(draft.getId()), "someone else's draft");
        clinic.actAs("alice");
        drafts.discard(draft.getId());
        assertTrue(drafts.messages().isEmpty());
    }

    @Test
    void aPractitionerWhoChargesNeedsThePatientsBillingConsent() {
        assertRule("billing-consent-required", () -> clinic.start("alice", "drpatel"));
        consent("consent-chloe", "chloe");
        assertRule(
                "billing-consent-required",
                () -> sending.start(new NewThread(
                        null,
                        "drpatel",
                        "general",
                        null,
                        false,
                        null,
                        "consent-chloe",
                        null,
                        null,
                        false,
                        false,
                        null)));
        consent("consent-alice", "alice");
        ThreadView view = sending.start(new NewThread(
                null, "drpatel", "general", null, false, null, "consent-alice", null, null, false, false, null));
        assertEquals("consent-alice", view.conversation().getBillingConsentId());
    }

    @Test
    void aThreadSaysWhichEpisodeItIsRegardingWhenThereIsMoreThanOne() {
        episode("knee", "alice");
        clinic.start("alice", "drlee");
        episode("diabetes", "alice");
        assertRule("regarding-required", () -> clinic.start("alice", "drlee"));
        ThreadView view = sending.start(
                new NewThread(null, "drlee", "general", null, false, "knee", null, null, null, false, false, null));
        assertEquals("knee", view.conversation().getEpisodeId());
        episode("bens", "ben");
        assertThrows(
                InvalidRequestException.class,
                () -> sending.start(new NewThread(
                        null, "drlee", "general", null, false, "bens", null, null, null, false, false, null)));
    }

    @Test
    void noResponseNeededClosesTheThreadAsTheMessageIsSent() {
        String thread = sending.start(
                        new NewThread(null, "drlee", "general", null, false, null, null, null, null, true, false, null))
                .conversation()
                .getId();
        assertEquals(
                dev.missive.thread.ConversationStatus.OPEN,
                clinic.conversations.find(thread).orElseThrow().getStatus());
        sending.send(new NewMessage(thread, "Just so you know: the rash is gone", null));
        assertEquals(
                dev.missive.thread.ThreadStatusReason.NO_RESPONSE_NEEDED,
                clinic.conversations.find(thread).orElseThrow().getStatusReason());
        assertEquals(1, clinic.published.size(), "the practitioner is still told");
        clinic.actAs("drlee");
        assertRule("thread-closed", () -> sending.send(new NewMessage(thread, "Glad to hear", null)));
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
        String bens = sending.start(NewThread.of("ben", "drlee", "test-results", null, false))
                .conversation()
                .getId();
        clinic.actAs("alice");
        sending.send(new NewMessage(alices, "Unread for Dr Lee", null));
        clinic.actAs("drlee");
        assertEquals(List.of(alices), ids(new InboxFilter(null, true, null, null, null)));
        assertEquals(List.of(bens), ids(new InboxFilter(null, false, "test-results", null, null)));
        assertEquals(List.of(bens), ids(new InboxFilter(null, false, null, "ben", null)));
        assertFalse(ids(new InboxFilter(false, false, null, null, null)).isEmpty());
    }

    @Test
    void searchTextFindsTheProxiesWhoTookPartByName() {
        RelatedPerson named = new RelatedPerson("gina-named-for-ben");
        named.setPatientId("ben");
        named.setPortalUsername("gina");
        named.setGivenName("Gina");
        named.setFamilyName("Okafor");
        clinic.save(named);
        clinic.actAs("gina");
        String bens = clinic.start("ben", "drlee");
        clinic.actAs("drlee");
        clinic.start("alice", "drlee");

        assertEquals(List.of(bens), ids(new InboxFilter(null, false, null, null, "okafor")));
        assertEquals(List.of(), ids(new InboxFilter(null, false, null, null, "nobody-named-so")));
    }

    @Test
    void aNextPageStartsAfterTheLastThreadShownEvenWhenAnotherMovesUp() {
        clinic.actAs("drlee");
        List<String> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clinic.later(Duration.ofMinutes(1));
            threads.add(clinic.start("alice", "drlee"));
        }
        List<ThreadView> first = reading.inbox(InboxFilter.ALL, null, 0, 2);
        assertEquals(
                List.of(threads.get(3), threads.get(2)),
                first.stream().map(v -> v.conversation().getId()).toList());
        clinic.later(Duration.ofMinutes(1));
        sending.send(new NewMessage(threads.get(0), "The oldest thread moves to the top", null));
        dev.missive.thread.InboxCursor cursor =
                dev.missive.thread.InboxCursor.after(first.get(1).conversation());
        assertEquals(
                List.of(threads.get(1)),
                reading.inbox(InboxFilter.ALL, cursor, 99, 2).stream()
                        .map(v -> v.conversation().getId())
                        .toList(),
                "no thread shown twice, none skipped");
    }

    private List<String> ids(InboxFilter filter) {
        return reading.inbox(filter, null, 0, 20).stream()
                .map(v -> v.conversation().getId())
                .toList();
    }

    private List<String> recipients(String patientId, String type) {
        return clinic.bean(EligibilityService.class).recipients(patientId, type).stream()
                .map(dev.missive.directory.PractitionerRole::getPractitionerId)
                .toList();
    }

    private void visit(String patientId, String practitionerId, Duration ago, String status) {
        dev.missive.directory.Appointment appointment =
                new dev.missive.directory.Appointment(patientId + practitionerId + ago);
        appointment.setPatientId(patientId);
        appointment.getPractitionerIds().add(practitionerId);
        appointment.setStart(clinic.clock.instant().minus(ago));
        appointment.setStatus(status);
        clinic.save(appointment);
    }

    private void consent(String id, String patientId) {
        dev.missive.directory.Consent consent = new dev.missive.directory.Consent(id);
        consent.setPatientId(patientId);
        consent.setStatus("active");
        consent.setCategory(dev.missive.directory.Consent.MESSAGE_BILLING);
        clinic.save(consent);
    }

    private void episode(String id, String patientId) {
        dev.missive.directory.EpisodeOfCare episode = new dev.missive.directory.EpisodeOfCare(id);
        episode.setPatientId(patientId);
        episode.setStatus("active");
        clinic.save(episode);
    }

    private static void assertRule(String rule, Runnable request) {
        RuleViolationException refused = assertThrows(RuleViolationException.class, request::run);
        assertEquals(rule, refused.rule().code());
    }
}
