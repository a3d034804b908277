package dev.missive.thread;

import dev.missive.domain.Party;
import dev.missive.policy.PolicyService;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Every action locks its thread first (see {@link ConversationRepository#lock}), so that "nobody
 * acted on it yet" is still true when a retraction commits.
 */
@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultThreadActions implements ThreadActions {

    @Inject
    ConversationRepository conversations;

    @Inject
    ThreadAccess access;

    @Inject
    CallerContext callers;

    @Inject
    PolicyService policies;

    @Inject
    MessageAttachments attachments;

    @Inject
    Clock clock;

    @Override
    public ThreadView close(String conversationId) {
        ThreadView view = takingPart(conversationId);
        Conversation conversation = view.conversation();
        switch (conversation.getStatus()) {
            case OPEN -> conversation.close(ThreadStatusReason.CLOSED_BY_PARTICIPANT, clock.instant());
            case CLOSED -> {
                // already closed: closing again keeps the reason it was closed for
            }
            case DRAFT -> throw draftThread();
        }
        return view;
    }

    @Override
    public ThreadView reopen(String conversationId) {
        ThreadView view = takingPart(conversationId);
        Conversation conversation = view.conversation();
        switch (conversation.getStatus()) {
            case OPEN -> {
                // already open
            }
            case CLOSED -> {
                if (conversation.getStatusReason() != null
                        && conversation.getStatusReason().locksThread()) {
                    throw new RuleViolationException(
                            Rule.THREAD_LOCKED, "The thread was closed for a reason its participants cannot undo");
                }
                conversation.reopen();
            }
            case DRAFT -> throw draftThread();
        }
        return view;
    }

    @Override
    public ThreadView archive(String conversationId) {
        ThreadView view = participating(conversationId);
        if (!view.participant().isArchived()) {
            view.participant().archive(clock.instant());
        }
        return view;
    }

    @Override
    public ThreadView unarchive(String conversationId) {
        ThreadView view = participating(conversationId);
        view.participant().unarchive();
        return view;
    }

    @Override
    public Message retract(String messageId) {
        Caller caller = callers.current();
        if (access.find(caller, messageId).isPresent()) {
            throw new InvalidRequestException("Only a message can be retracted, not a thread");
        }
        Message message = lockedMessage(messageId);
        if (!caller.is(message.getSender())) {
            throw new ForbiddenException("Only its sender may retract a message");
        }
        if (message.getStatus() == MessageStatus.RETRACTED) {
            return message;
        }
        if (message.getStatus() != MessageStatus.SENT) {
            throw new InvalidRequestException("A draft is discarded, not retracted");
        }
        if (clock.instant().isAfter(message.getSent().plus(policies.current().getRetractWindow()))) {
            throw new RuleViolationException(
                    Rule.RETRACT_WINDOW_PASSED, "The clinic's time for taking back a message has passed");
        }
        ThreadView view = access.require(caller, message.getConversationId());
        if (actedOn(message, view.conversation())) {
            throw new RuleViolationException(
                    Rule.RETRACT_AFTER_ACTION,
                    "Someone has acted on the message: answered it, archived or closed the thread");
        }
        if (message.getReceived() == null) {
            // the reverse of sending, which counted it unread for everyone but its sender
            for (Participant participant : conversations.participants(message.getConversationId())) {
                if (!participant.getParty().equals(message.getSender()) && participant.sees(message.getSent())) {
                    participant.unreadMessageRetracted();
                }
            }
        }
        attachments.discard(message);
        message.retract();
        return message;
    }

    @Override
    public ThreadOrMessage markRead(String communicationId) {
        Caller caller = callers.current();
        Instant now = clock.instant();
        Optional<ThreadView> thread = lockedThread(caller, communicationId);
        if (thread.isPresent()) {
            ThreadView view = asParticipant(thread.get());
            Participant reader = view.participant();
            for (Message message : conversations.unreceived(communicationId)) {
                if (!message.isFromSideOf(reader.getParty()) && reader.sees(message.getSent())) {
                    message.markReceived(now);
                }
            }
            reader.readAll(now);
            return ThreadOrMessage.of(view);
        }
        Message message = lockedMessage(communicationId);
        ThreadView view = asParticipant(access.require(caller, message.getConversationId()));
        Participant reader = view.participant();
        boolean firstOpened = !message.isFromSideOf(reader.getParty()) && message.markReceived(now);
        reader.read(now, firstOpened);
        return new ThreadOrMessage(view, message);
    }

    /** The thread, locked, if the caller takes part in it; 400 if the id is a message they see. */
    private ThreadView participating(String conversationId) {
        ThreadView view = lockedThread(callers.current(), conversationId).orElseGet(() -> {
            access.requireMessage(
                    callers.current(), conversationId); // not found unless the caller sees a message with this id
            throw new InvalidRequestException("This operation applies to a thread, not to a message");
        });
        return asParticipant(view);
    }

    /** As {@link #participating}, for a participant the thread has not left: they keep reading, not acting on it. */
    private ThreadView takingPart(String conversationId) {
        ThreadView view = participating(conversationId);
        if (!view.participant().isActive()) {
            throw new ForbiddenException("The thread has moved to another practitioner");
        }
        return view;
    }

    private Optional<ThreadView> lockedThread(Caller caller, String id) {
        conversations.lock(id);
        return access.find(caller, id);
    }

    /** The message if the caller sees it, with its thread locked. */
    private Message lockedMessage(String id) {
        Message message = access.requireMessage(callers.current(), id);
        conversations.lock(message.getConversationId());
        return message;
    }

    /**
     * The thread as the participant the caller is. Integration engines and clinic admins see
     * threads without taking part in them; a proxy who became one after the thread began takes
     * part from their first action on, as from their first message.
     */
    private ThreadView asParticipant(ThreadView view) {
        if (view.participant() != null) {
            return view;
        }
        Conversation conversation = view.conversation();
        Party party = callers.current()
                .patientSideFor(conversation.getPatientId())
                .orElseThrow(() -> new ForbiddenException("Only the thread's participants may do this"));
        Participant joined = new Participant(conversation.getId(), party, conversation.getLastActivity());
        conversations.add(joined);
        return new ThreadView(conversation, joined);
    }

    /** A later message (follow-up or reply), an archive or a close since it was sent. */
    private boolean actedOn(Message message, Conversation conversation) {
        Instant sent = message.getSent();
        return conversations.hasMessageSince(conversation.getId(), sent, message.getId())
                || notBefore(conversation.getLastClosed(), sent)
                || conversations.participants(conversation.getId()).stream()
                        .anyMatch(participant -> notBefore(participant.getLastArchived(), sent));
    }

    private static boolean notBefore(Instant when, Instant sent) {
        return when != null && !when.isBefore(sent);
    }

    private static RuleViolationException draftThread() {
        return new RuleViolationException(
                Rule.THREAD_DRAFT, "A draft thread is sent or discarded, not closed or reopened");
    }
}
