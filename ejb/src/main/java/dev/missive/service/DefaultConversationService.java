package dev.missive.service;

import dev.missive.domain.ClinicPolicy;
import dev.missive.domain.ConsentRepository;
import dev.missive.domain.Conversation;
import dev.missive.domain.ConversationRepository;
import dev.missive.domain.ConversationStatus;
import dev.missive.domain.EpisodeOfCare;
import dev.missive.domain.EpisodeOfCareRepository;
import dev.missive.domain.InboxCursor;
import dev.missive.domain.InboxQuery;
import dev.missive.domain.Message;
import dev.missive.domain.MessageStatus;
import dev.missive.domain.Participant;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.domain.PatientRepository;
import dev.missive.domain.PractitionerRepository;
import dev.missive.domain.PractitionerRoleRepository;
import dev.missive.domain.RelatedPerson;
import dev.missive.domain.RelatedPersonRepository;
import dev.missive.domain.ThreadStatusReason;
import dev.missive.domain.ThreadView;
import dev.missive.notification.NotificationPublisher;
import dev.missive.notification.NotificationRequested;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultConversationService implements ConversationService {

    private static final String PEOPLE_WRITE = "Only the patient, their proxy or their practitioner write in a thread";

    @Inject
    ConversationRepository conversations;

    @Inject
    PatientRepository patients;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    PractitionerRoleRepository roles;

    @Inject
    RelatedPersonRepository relatedPersons;

    @Inject
    EpisodeOfCareRepository episodes;

    @Inject
    ConsentRepository consents;

    @Inject
    EligibilityService eligibility;

    @Inject
    CallerContext callers;

    @Inject
    ThreadAccess access;

    @Inject
    NotificationPublisher notifications;

    @Inject
    MessageAttachments attachments;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER})
    public ThreadView start(NewThread request) {
        Caller caller = callers.current();
        String patientId = request.patientId() != null ? request.patientId()
                : caller.idAs(PartyType.PATIENT).orElseThrow(() -> new InvalidRequestException(
                        "Communication.subject must name the Patient the thread is about"));
        Party starter = starterFor(caller, patientId, request.practitionerId());
        if (request.confidential() && starter.type() == PartyType.RELATED_PERSON) {
            throw new ForbiddenException("Only the patient or the practitioner can make a thread confidential");
        }
        Conversation conversation = new Conversation(patientId, request.practitionerId(), starter, request.category(),
                clock.instant());
        applyDetails(conversation, request);
        conversations.add(conversation);
        if (request.draft()) {
            conversation.saveAsDraft();
            return new ThreadView(conversation, null);
        }
        return new ThreadView(conversation, open(caller, conversation));
    }

    @Override
    public ThreadView editDraftThread(String id, NewThread edited) {
        Caller caller = callers.current();
        Conversation conversation = access.require(caller, id).conversation();
        if (conversation.getStatus() != ConversationStatus.DRAFT) {
            throw new InvalidRequestException("Only a draft thread's details can be edited");
        }
        if (!Objects.equals(edited.patientId(), conversation.getPatientId()) && edited.patientId() != null) {
            throw new InvalidRequestException("A draft cannot move to another patient");
        }
        starterFor(caller, conversation.getPatientId(), edited.practitionerId());
        conversation.redirect(edited.practitionerId(), edited.category());
        applyDetails(conversation, edited);
        if (edited.draft()) {
            return new ThreadView(conversation, null);
        }
        return new ThreadView(conversation, open(caller, conversation));
    }

    /** Who starts a thread about this patient with this practitioner, or why they may not. */
    private Party starterFor(Caller caller, String patientId, String practitionerId) {
        if (patients.find(patientId == null ? "" : patientId).isEmpty()) {
            throw new InvalidRequestException("The thread's subject must be a known Patient");
        }
        if (practitioners.find(practitionerId == null ? "" : practitionerId).isEmpty()) {
            throw new InvalidRequestException("The thread's recipient must be a known Practitioner");
        }
        if (caller.has(Role.PRACTITIONER)) {
            return caller.idAs(PartyType.PRACTITIONER)
                    .filter(practitionerId::equals)
                    .map(Party::practitioner)
                    .orElseThrow(() -> new ForbiddenException("A practitioner starts threads as themselves"));
        }
        return caller.patientSideFor(patientId)
                .orElseThrow(() -> new ForbiddenException("A thread can only be started on one's own behalf"));
    }

    private void applyDetails(Conversation conversation, NewThread details) {
        if (!ClinicPolicy.MESSAGE_TYPES.contains(details.category())) {
            throw new InvalidRequestException("Unknown message type");
        }
        conversation.setTopic(details.topic());
        conversation.setConfidential(details.confidential());
        conversation.setEpisodeId(details.episodeId());
        conversation.setBillingConsentId(details.billingConsentId());
        if (details.responderId() != null && practitioners.find(details.responderId()).isEmpty()) {
            throw new InvalidRequestException("The responder must be a known Practitioner");
        }
        conversation.setResponsePreference(details.responderId(), details.responseMethod());
        conversation.setNoResponseNeeded(details.noResponseNeeded());
        if (details.episodeId() != null && episodes.find(details.episodeId())
                .filter(episode -> episode.getPatientId().equals(conversation.getPatientId())).isEmpty()) {
            throw new InvalidRequestException("The thread can only be regarding one of the patient's episodes of care");
        }
    }

    /**
     * Sends a new or draft thread: every rule is checked now, and each person who takes part
     * gets their row: the patient, the practitioner, and the patient's active proxies unless
     * the thread is confidential. Returns the caller's own row.
     */
    private Participant open(Caller caller, Conversation conversation) {
        eligibility.checkMayStart(caller, conversation.getPatientId(), conversation.getPractitionerId(),
                conversation.getCategory());
        if (conversation.getStartedBy().type() != PartyType.PRACTITIONER) {
            requireRegardingWhenAmbiguous(conversation);
            requireBillingConsent(conversation);
        }
        Instant now = clock.instant();
        conversation.open(now);
        Set<Party> parties = new LinkedHashSet<>(List.of(conversation.patient(), conversation.practitioner(),
                conversation.getStartedBy()));
        if (!conversation.isConfidential()) {
            relatedPersons.findByPatient(conversation.getPatientId()).stream()
                    .filter(relatedPerson -> relatedPerson.actsAt(now))
                    .map(RelatedPerson::getId)
                    .forEach(id -> parties.add(new Party(PartyType.RELATED_PERSON, id)));
        }
        Participant own = null;
        for (Party party : parties) {
            Participant participant = new Participant(conversation.getId(), party, now);
            conversations.add(participant);
            if (party.equals(conversation.getStartedBy())) {
                own = participant;
            }
        }
        return own;
    }

    private void requireRegardingWhenAmbiguous(Conversation conversation) {
        long active = episodes.findByPatient(conversation.getPatientId()).stream().filter(EpisodeOfCare::isActive).count();
        if (active > 1 && conversation.getEpisodeId() == null) {
            throw new RuleViolationException("regarding-required",
                    "The patient has more than one episode of care: say which one the thread is regarding");
        }
    }

    private void requireBillingConsent(Conversation conversation) {
        Instant now = clock.instant();
        boolean charges = roles.findByPractitioner(conversation.getPractitionerId()).stream()
                .anyMatch(role -> role.isChargesForMessages() && role.takesMessagesAt(now, conversation.getCategory()));
        boolean consented = conversation.getBillingConsentId() != null && consents.find(conversation.getBillingConsentId())
                .filter(consent -> consent.coversMessageBillingFor(conversation.getPatientId())).isPresent();
        if (charges && !consented) {
            throw new RuleViolationException("billing-consent-required",
                    "The practitioner charges for messages: the patient's billing consent is required");
        }
    }

    @Override
    public Message send(NewMessage request) {
        Caller caller = callers.current();
        // Messages and actions on one thread take turns: unread counts are never lost to a race.
        conversations.lock(request.conversationId());
        Conversation conversation = access.require(caller, request.conversationId()).conversation();
        if (conversation.getStatus() == ConversationStatus.DRAFT && !request.draft()) {
            throw new RuleViolationException("thread-not-sent", "Send the draft thread before its messages");
        }
        Party sender = writerIn(caller, conversation);
        String text = checkedText(request.text());
        checkInResponseTo(conversation, request.inResponseTo());
        Party recipient = sender.type() == PartyType.PRACTITIONER ? conversation.patient() : conversation.practitioner();
        Message message = new Message(conversation.getId(), sender, recipient, text, request.inResponseTo(),
                clock.instant());
        attachments.carry(caller, message, request.attachments());
        if (request.draft()) {
            message.saveAsDraft();
            conversations.add(message);
            return message;
        }
        eligibility.checkMayWrite(caller, conversation);
        conversations.add(message);
        joinIfNew(conversation, sender, message.getSent());
        deliver(conversation, message);
        return message;
    }

    /** A proxy who became one after the thread started takes part from their first message on. */
    private void joinIfNew(Conversation conversation, Party sender, Instant now) {
        if (conversations.findParticipant(conversation.getId(), sender).isEmpty()) {
            conversations.add(new Participant(conversation.getId(), sender, now));
        }
    }

    @Override
    public Message editDraftMessage(String id, NewMessage edited) {
        Caller caller = callers.current();
        Message message = draftMessageOf(caller, id);
        conversations.lock(message.getConversationId());
        Conversation conversation = access.require(caller, message.getConversationId()).conversation();
        checkInResponseTo(conversation, edited.inResponseTo());
        message.edit(checkedText(edited.text()), edited.inResponseTo());
        attachments.carry(caller, message, edited.attachments());
        if (!edited.draft()) {
            if (conversation.getStatus() == ConversationStatus.DRAFT) {
                throw new RuleViolationException("thread-not-sent", "Send the draft thread before its messages");
            }
            eligibility.checkMayWrite(caller, conversation);
            message.send(clock.instant());
            deliver(conversation, message);
        }
        return message;
    }

    @Override
    public void discardDraft(String id) {
        Caller caller = callers.current();
        if (conversations.find(id).isPresent()) {
            Conversation conversation = access.require(caller, id).conversation();
            if (conversation.getStatus() != ConversationStatus.DRAFT) {
                throw new InvalidRequestException("Only a draft can be discarded");
            }
            conversations.allMessages(id).forEach(this::removeDraft);
            conversations.remove(conversation);
            return;
        }
        removeDraft(draftMessageOf(caller, id));
    }

    /** A discarded draft lets go of its attachments: they are their uploader's to use again. */
    private void removeDraft(Message draft) {
        draft.detachAll();
        conversations.remove(draft);
    }

    private Message draftMessageOf(Caller caller, String id) {
        Message message = conversations.findMessage(id)
                .filter(m -> access.find(caller, m.getConversationId()).isPresent())
                .orElseThrow(() -> new NotFoundException("Communication", id));
        Conversation conversation = conversations.find(message.getConversationId()).orElseThrow();
        if (message.getStatus() != MessageStatus.DRAFT || !access.authoredBy(caller, conversation, message.getSender())) {
            if (message.getStatus() == MessageStatus.DRAFT) {
                throw new NotFoundException("Communication", id);
            }
            throw new InvalidRequestException("Only a draft can be edited or discarded");
        }
        return message;
    }

    /** The party the caller writes as in this thread; integration engines and admins do not write. */
    private Party writerIn(Caller caller, Conversation conversation) {
        if (caller.is(conversation.practitioner())) {
            return conversation.practitioner();
        }
        return caller.patientSideFor(conversation.getPatientId())
                .orElseThrow(() -> new ForbiddenException(PEOPLE_WRITE));
    }

    private static String checkedText(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidRequestException("A message needs text");
        }
        if (text.length() > Message.MAX_TEXT_LENGTH) {
            throw new InvalidRequestException("A message is at most " + Message.MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    private void checkInResponseTo(Conversation conversation, String inResponseTo) {
        if (inResponseTo != null && conversations.findMessage(inResponseTo)
                .filter(m -> m.getConversationId().equals(conversation.getId()) && m.getStatus() != MessageStatus.DRAFT)
                .isEmpty()) {
            throw new InvalidRequestException("inResponseTo must be a sent message of the same thread");
        }
    }

    /** A sent message moves the thread up every inbox and notifies everyone on the other side. */
    private void deliver(Conversation conversation, Message message) {
        Instant now = message.getSent();
        conversation.recordActivity(now);
        boolean fromPatientSide = message.getSender().type() != PartyType.PRACTITIONER;
        for (Participant participant : conversations.participants(conversation.getId())) {
            boolean sameSide = (participant.getParty().type() != PartyType.PRACTITIONER) == fromPatientSide;
            participant.messageArrived(now, participant.getParty().equals(message.getSender()));
            if (!sameSide) {
                notifications.publish(new NotificationRequested(message.getId(), conversation.getId(),
                        participant.getParty()));
            }
        }
        if (conversation.isNoResponseNeeded() && message.getSender().equals(conversation.getStartedBy())) {
            conversation.close(ThreadStatusReason.NO_RESPONSE_NEEDED, now);
        }
    }

    @Override
    public Message message(String id) {
        return visibleMessage(callers.current(), id);
    }

    @Override
    public ThreadOrMessage communication(String id) {
        Caller caller = callers.current();
        return conversations.find(id).isPresent()
                ? ThreadOrMessage.of(access.require(caller, id))
                : ThreadOrMessage.of(visibleMessage(caller, id));
    }

    private Message visibleMessage(Caller caller, String id) {
        return conversations.findMessage(id)
                .filter(message -> access.find(caller, message.getConversationId())
                        .map(view -> message.getStatus() != MessageStatus.DRAFT
                                || access.authoredBy(caller, view.conversation(), message.getSender()))
                        .orElse(false))
                .orElseThrow(() -> new NotFoundException("Communication", id));
    }

    @Override
    public List<ThreadView> inbox(InboxFilter filter, InboxCursor after, int offset, int limit) {
        return inboxQuery(callers.current(), filter, after)
                .map(query -> conversations.inbox(query, after == null ? offset : 0, limit))
                .orElse(List.of());
    }

    @Override
    public Page<ThreadView> inboxPage(InboxFilter filter, int limit) {
        return inboxQuery(callers.current(), filter, null)
                .map(query -> new Page<>(limit > 0 ? conversations.inbox(query, 0, limit) : List.<ThreadView>of(),
                        conversations.inboxSize(query)))
                .orElse(new Page<>(List.of(), 0));
    }

    /** Whose threads the caller's inbox holds; none for callers who take part in no thread. */
    private Optional<InboxQuery> inboxQuery(Caller caller, InboxFilter filter, InboxCursor after) {
        if (caller.party().isEmpty() && caller.proxyFor().isEmpty()) {
            return Optional.empty();
        }
        Set<Party> proxyParties = new LinkedHashSet<>();
        caller.proxyFor().values().forEach(id -> proxyParties.add(new Party(PartyType.RELATED_PERSON, id)));
        return Optional.of(new InboxQuery(caller.party().orElse(null), caller.proxyFor().keySet(),
                proxyParties, filter.archived(), filter.unreadOnly(), filter.category(), filter.patientId(),
                filter.text(), after));
    }

    @Override
    public List<Message> messages(String conversationId, int offset, int limit) {
        access.require(callers.current(), conversationId);
        return conversations.messages(conversationId, offset, limit);
    }

    @Override
    public Page<Message> messagePage(String conversationId, int limit) {
        access.require(callers.current(), conversationId);
        return new Page<>(conversations.messages(conversationId, 0, limit), conversations.messageCount(conversationId));
    }

    @Override
    public List<ThreadView> draftThreads() {
        return conversations.draftThreads(authorsOf(callers.current())).stream()
                .map(conversation -> new ThreadView(conversation, null))
                .toList();
    }

    @Override
    public List<Message> draftMessages() {
        Caller caller = callers.current();
        return conversations.draftMessages(authorsOf(caller)).stream()
                .filter(message -> access.find(caller, message.getConversationId()).isPresent())
                .toList();
    }

    private static List<Party> authorsOf(Caller caller) {
        List<Party> authors = new ArrayList<>();
        caller.party().ifPresent(authors::add);
        caller.proxyFor().values().forEach(id -> authors.add(new Party(PartyType.RELATED_PERSON, id)));
        return authors;
    }
}
