package dev.missive.thread;

import dev.missive.attachment.MessageVisibility;
import dev.missive.domain.Party;
import dev.missive.security.Caller;
import dev.missive.service.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The one place that decides whether a caller may see a thread, and in what state they see
 * it. Every service that touches a thread goes through here, so a thread the caller may not
 * see is "not found" everywhere alike: a draft to anyone but its author, a confidential
 * thread to proxies, a thread of a merged-away patient record to its patient side, anyone
 * else's thread to patients and practitioners.
 */
@ApplicationScoped
public class ThreadAccess implements MessageVisibility {

    @Inject
    ConversationRepository conversations;

    /** The thread as the caller sees it, if they may see it. */
    public Optional<ThreadView> find(Caller caller, String threadId) {
        return conversations.find(threadId).flatMap(conversation -> view(caller, conversation));
    }

    public ThreadView require(Caller caller, String threadId) {
        return find(caller, threadId).orElseThrow(() -> new NotFoundException("Communication", threadId));
    }

    /** The message, if the caller may read it: its thread is visible to them, and a draft is its author's alone. */
    public Optional<Message> findMessage(Caller caller, String messageId) {
        return conversations.findMessage(messageId)
                .filter(message -> find(caller, message.getConversationId())
                        .map(view -> message.getStatus() != MessageStatus.DRAFT
                                || authoredBy(caller, view.conversation(), message.getSender()))
                        .orElse(false));
    }

    public Message requireMessage(Caller caller, String messageId) {
        return findMessage(caller, messageId).orElseThrow(() -> new NotFoundException("Communication", messageId));
    }

    @Override
    public boolean mayRead(Caller caller, String messageId) {
        return findMessage(caller, messageId).isPresent();
    }

    private Optional<ThreadView> view(Caller caller, Conversation conversation) {
        if (conversation.getStatus() == ConversationStatus.DRAFT) {
            return authoredBy(caller, conversation, conversation.getStartedBy())
                    ? Optional.of(new ThreadView(conversation, own(caller, conversation)))
                    : Optional.empty();
        }
        if (caller.seesEverything()) {
            return Optional.of(new ThreadView(conversation, null));
        }
        if (conversation.isMergedAway() && !caller.is(conversation.practitioner())) {
            // The patient record was merged away: its patient side no longer sees the thread.
            return Optional.empty();
        }
        if (caller.isProxyOf(conversation.getPatientId())) {
            // A proxy sees the patient's threads, never a confidential one; their own state
            // exists once they take part (started the thread or were a proxy when it started).
            return conversation.isConfidential() ? Optional.empty()
                    : Optional.of(new ThreadView(conversation, own(caller, conversation)));
        }
        return caller.party()
                .flatMap(party -> conversations.findParticipant(conversation.getId(), party))
                .map(participant -> new ThreadView(conversation, participant));
    }

    /** Whether the caller is that party: themselves, or the proxy record they act through. */
    public boolean authoredBy(Caller caller, Conversation conversation, Party author) {
        return caller.is(author) || caller.patientSideFor(conversation.getPatientId()).filter(author::equals).isPresent();
    }

    private Participant own(Caller caller, Conversation conversation) {
        Optional<Party> party = caller.party().isPresent() ? caller.party()
                : caller.patientSideFor(conversation.getPatientId());
        return party.flatMap(p -> conversations.findParticipant(conversation.getId(), p)).orElse(null);
    }
}
