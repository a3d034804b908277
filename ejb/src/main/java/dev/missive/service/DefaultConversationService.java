package dev.missive.service;

import dev.missive.domain.CareTeamRepository;
import dev.missive.domain.ClinicPolicy;
import dev.missive.domain.Conversation;
import dev.missive.domain.ConversationRepository;
import dev.missive.domain.ConversationStatus;
import dev.missive.domain.Message;
import dev.missive.domain.Participant;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.domain.Patient;
import dev.missive.domain.PatientRepository;
import dev.missive.domain.Practitioner;
import dev.missive.domain.PractitionerRepository;
import dev.missive.domain.ThreadView;
import dev.missive.notification.NotificationPublisher;
import dev.missive.notification.NotificationRequested;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultConversationService implements ConversationService {

    @Inject
    ConversationRepository conversations;

    @Inject
    PatientRepository patients;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    CareTeamRepository careTeams;

    @Inject
    CallerContext callers;

    @Inject
    ThreadAccess access;

    @Inject
    NotificationPublisher notifications;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER})
    public ThreadView start(NewThread request) {
        Caller caller = callers.current();
        Party starter = caller.party().orElseThrow(() -> new ForbiddenException("No directory entry for this account"));
        if (!ClinicPolicy.MESSAGE_TYPES.contains(request.category())) {
            throw new InvalidRequestException("Unknown message type");
        }
        String patientId = request.patientId() == null && starter.type() == PartyType.PATIENT
                ? starter.id() : request.patientId();
        Patient patient = patients.find(patientId == null ? "" : patientId)
                .orElseThrow(() -> new InvalidRequestException("The thread's subject must be a known Patient"));
        Practitioner practitioner = practitioners.find(request.practitionerId() == null ? "" : request.practitionerId())
                .orElseThrow(() -> new InvalidRequestException("The thread's recipient must be a known Practitioner"));
        boolean ownSide = starter.type() == PartyType.PATIENT
                ? starter.id().equals(patient.getId())
                : starter.id().equals(practitioner.getId());
        if (!ownSide) {
            throw new ForbiddenException("A thread can only be started on one's own behalf");
        }
        if (!practitioner.isActive() || !careTeams.isOnCareTeam(patient.getId(), practitioner.getId())) {
            throw new RuleViolationException("recipient-not-eligible",
                    "The practitioner is not on the patient's care team");
        }
        Instant now = clock.instant();
        Conversation conversation = new Conversation(patient.getId(), practitioner.getId(), starter,
                request.category(), now);
        conversation.setTopic(request.topic());
        conversation.setConfidential(request.confidential());
        conversations.add(conversation);
        Participant patientSide = new Participant(conversation.getId(), conversation.patient(), now);
        Participant practitionerSide = new Participant(conversation.getId(), conversation.practitioner(), now);
        conversations.add(patientSide);
        conversations.add(practitionerSide);
        return new ThreadView(conversation, starter.type() == PartyType.PATIENT ? patientSide : practitionerSide);
    }

    @Override
    @RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER})
    public Message send(NewMessage request) {
        Caller caller = callers.current();
        ThreadView view = access.require(caller, request.conversationId());
        Conversation conversation = view.conversation();
        Party sender = caller.party().orElseThrow(() -> new ForbiddenException("No directory entry for this account"));
        if (conversation.getStatus() != ConversationStatus.OPEN) {
            throw new RuleViolationException("thread-closed", "The thread is closed");
        }
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            throw new InvalidRequestException("A message needs text");
        }
        if (text.length() > Message.MAX_TEXT_LENGTH) {
            throw new InvalidRequestException("A message is at most " + Message.MAX_TEXT_LENGTH + " characters");
        }
        if (request.inResponseTo() != null && conversations.findMessage(request.inResponseTo())
                .filter(m -> m.getConversationId().equals(conversation.getId())).isEmpty()) {
            throw new InvalidRequestException("inResponseTo must be a message of the same thread");
        }
        Instant now = clock.instant();
        Party recipient = sender.type() == PartyType.PRACTITIONER ? conversation.patient() : conversation.practitioner();
        Message message = new Message(conversation.getId(), sender, recipient, text, request.inResponseTo(), now);
        conversations.add(message);
        conversation.recordActivity(now);
        for (Participant participant : conversations.participants(conversation.getId())) {
            boolean fromThisParty = participant.getParty().equals(sender);
            participant.messageArrived(now, fromThisParty);
            if (!fromThisParty) {
                notifications.publish(new NotificationRequested(message.getId(), conversation.getId(),
                        participant.getParty()));
            }
        }
        return message;
    }

    @Override
    public ThreadView thread(String id) {
        return access.require(callers.current(), id);
    }

    @Override
    public Message message(String id) {
        Caller caller = callers.current();
        return conversations.findMessage(id)
                .filter(message -> access.find(caller, message.getConversationId()).isPresent())
                .orElseThrow(() -> new NotFoundException("Communication", id));
    }

    @Override
    public List<ThreadView> inbox(int offset, int limit) {
        return callers.current().party().map(party -> conversations.inbox(party, offset, limit)).orElse(List.of());
    }

    @Override
    public long inboxSize() {
        return callers.current().party().map(conversations::inboxSize).orElse(0L);
    }

    @Override
    public List<Message> messages(String conversationId, int offset, int limit) {
        access.require(callers.current(), conversationId);
        return conversations.messages(conversationId, offset, limit);
    }

    @Override
    public long messageCount(String conversationId) {
        access.require(callers.current(), conversationId);
        return conversations.messageCount(conversationId);
    }
}
