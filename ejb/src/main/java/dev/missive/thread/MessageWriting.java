package dev.missive.thread;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.eligibility.EligibilityService;
import dev.missive.formatting.FormattedText;
import dev.missive.policy.ResponseDeadline;
import dev.missive.security.Caller;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What writing a message takes, sent at once or kept as a draft first: who writes as whom, the
 * text and attachments checked, and what sending it does to the thread and to everyone in it.
 */
@ApplicationScoped
class MessageWriting {

    @Inject
    ConversationRepository conversations;

    @Inject
    ThreadAccess access;

    @Inject
    MessageAttachments attachments;

    @Inject
    EligibilityService eligibility;

    @Inject
    NotificationPublisher notifications;

    @Inject
    SentMessageLog sentMessages;

    @Inject
    ThreadCover cover;

    @Inject
    ResponseDeadline deadlines;

    @Inject
    Clock clock;

    /**
     * The thread the caller writes in, locked: messages and actions on one thread take turns, so
     * unread counts are never lost to a race. Not found unless the caller sees it.
     */
    Conversation lockedThread(Caller caller, String conversationId) {
        conversations.lock(conversationId);
        return access.require(caller, conversationId).conversation();
    }

    /** The message the caller asks to write in this thread, checked and stored, to be sent. */
    Message compose(Caller caller, Conversation conversation, NewMessage request) {
        return store(caller, conversation, request, false);
    }

    /** The message the caller asks to write in this thread, checked and stored as their draft. */
    Message composeDraft(Caller caller, Conversation conversation, NewMessage request) {
        return store(caller, conversation, request, true);
    }

    private Message store(Caller caller, Conversation conversation, NewMessage request, boolean draft) {
        Party sender = writerIn(caller, conversation);
        AssertedSender.requireWriter(request.sender(), sender);
        String formatted = checkedFormattedText(request.formattedText());
        String text = textOf(request, formatted);
        checkInResponseTo(conversation, request.inResponseTo());
        Party recipient = sender.type() == PartyType.PRACTITIONER
                ? conversation.patient()
                : conversation.recipientForPatientSide();
        Message message =
                new Message(conversation.getId(), sender, recipient, text, request.inResponseTo(), clock.instant());
        message.format(formatted);
        attachments.carry(caller, message, request.attachments());
        if (draft) {
            message.saveAsDraft();
        }
        conversations.add(message);
        return message;
    }

    /** A draft message as edited: new text, answer and attachments. */
    void edit(Caller caller, Conversation conversation, Message draft, NewMessage edited) {
        AssertedSender.requireWriter(edited.sender(), draft.getSender());
        checkInResponseTo(conversation, edited.inResponseTo());
        String formatted = checkedFormattedText(edited.formattedText());
        draft.edit(textOf(edited, formatted), formatted, edited.inResponseTo());
        attachments.carry(caller, draft, edited.attachments());
    }

    /**
     * Sends a stored message, checked against the thread as it is now: it moves the thread up
     * every inbox, asks for everyone on the other side to be notified and records it for subscribers.
     */
    void send(Caller caller, Conversation conversation, Message message) {
        if (conversation.getStatus() == ConversationStatus.DRAFT) {
            throw new RuleViolationException(Rule.THREAD_NOT_SENT, "Send the draft thread before its messages");
        }
        eligibility.checkMayWrite(caller, conversation);
        Instant now = message.getSent();
        if (conversation.isPooled() && message.getSender().type() == PartyType.PRACTITIONER) {
            // the member who answers takes the thread, if nobody has
            conversation.claim(message.getSender().id());
        }
        joinIfNew(conversation, message.getSender(), now);
        boolean practitionerAway = cover.route(conversation, now);
        conversation.recordActivity(now);
        boolean fromPatientSide = message.getSender().type() != PartyType.PRACTITIONER;
        for (Participant participant : conversations.participants(conversation.getId())) {
            if (!participant.isActive()) {
                continue; // a practitioner the thread left gets nothing new
            }
            boolean sameSide = (participant.getParty().type() != PartyType.PRACTITIONER) == fromPatientSide;
            participant.messageArrived(now, participant.getParty().equals(message.getSender()));
            boolean awayPractitioner =
                    practitionerAway && participant.getParty().equals(conversation.practitioner());
            if (!sameSide && !awayPractitioner && !leftToClaimer(conversation, participant)) {
                notifications.publish(
                        new NotificationRequested(message.getId(), conversation.getId(), participant.getParty()));
            }
        }
        sentMessages.record(new SentMessage(
                message.getId(), conversation.getId(), conversation.getPatientId(), message.getRecipient(), now));
        if (conversation.isNoResponseNeeded() && message.getSender().equals(conversation.getStartedBy())) {
            conversation.close(ThreadStatusReason.NO_RESPONSE_NEEDED, now);
        } else if (fromPatientSide) {
            conversation.awaitAnswer(message.getId(), now, deadlines.answerDue(now));
        } else {
            conversation.answer(message).ifPresent(conversations::add);
        }
    }

    /** Once a member has claimed a pool thread, the other members see it without being emailed. */
    private static boolean leftToClaimer(Conversation conversation, Participant participant) {
        return participant.isPoolMember()
                && conversation.getClaimedBy().isPresent()
                && !participant.getParty().equals(conversation.practitioner());
    }

    /** A proxy who became one after the thread started takes part from their first message on. */
    private void joinIfNew(Conversation conversation, Party sender, Instant now) {
        if (conversations.findParticipant(conversation.getId(), sender).isEmpty()) {
            conversations.add(new Participant(conversation.getId(), sender, now));
        }
    }

    /**
     * The party the caller writes as in this thread: its practitioner, the patient side, or the
     * practitioner covering it now (looked up only then); integration engines and admins do not write.
     */
    private Party writerIn(Caller caller, Conversation conversation) {
        if (caller.is(conversation.practitioner())) {
            return conversation.practitioner();
        }
        return caller.patientSideFor(conversation.getPatientId())
                .or(() -> cover.coverOf(conversation).filter(caller::is))
                .or(() -> poolMemberWriting(caller, conversation))
                .orElseThrow(() -> new ForbiddenException(
                        "Only the patient, their proxy or their practitioner write in a thread"));
    }

    /** A member of the pool a thread is addressed to writes in it while nobody else has claimed it. */
    private Optional<Party> poolMemberWriting(Caller caller, Conversation conversation) {
        Optional<Party> member = caller.idAs(PartyType.PRACTITIONER)
                .map(Party::practitioner)
                .filter(party -> conversation.isPooled()
                        && conversations
                                .findParticipant(conversation.getId(), party)
                                .filter(row -> row.isPoolMember() && row.isActive())
                                .isPresent());
        if (member.isPresent() && conversation.getClaimedBy().isPresent()) {
            throw new RuleViolationException(
                    Rule.POOL_THREAD_CLAIMED, "Another member of the team has claimed the thread");
        }
        return member;
    }

    /** The message's plain text: derived from its formatted text when it has one, as given otherwise. */
    private static String textOf(NewMessage request, String formatted) {
        return checkedText(
                formatted == null
                        ? request.text()
                        : FormattedText.parse(formatted).plainText());
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

    /** Formatted text as given, held to the length of a message; null when there is none. */
    private static String checkedFormattedText(String raw) {
        if (raw == null) {
            return null;
        }
        return checkedText(raw);
    }

    private void checkInResponseTo(Conversation conversation, String inResponseTo) {
        if (inResponseTo != null
                && conversations
                        .findMessage(inResponseTo)
                        .filter(m -> m.getConversationId().equals(conversation.getId())
                                && m.getStatus() != MessageStatus.DRAFT)
                        .isEmpty()) {
            throw new InvalidRequestException("inResponseTo must be a sent message of the same thread");
        }
    }
}
