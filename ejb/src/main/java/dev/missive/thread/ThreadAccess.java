package dev.missive.thread;

import dev.missive.attachment.MessageVisibility;
import dev.missive.security.Caller;
import dev.missive.service.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Whether a caller may see a thread or a message, and in what state they see it: every service
 * that touches a thread asks here, and the answer is the caller's {@link ThreadScope} applied by
 * the repository, the same condition that lists the inbox. A thread the caller may not see is
 * "not found" everywhere alike.
 */
@ApplicationScoped
public class ThreadAccess implements MessageVisibility {

    @Inject
    ConversationRepository conversations;

    @Inject
    ThreadCover cover;

    /** The thread as the caller sees it, if they may see it. */
    public Optional<ThreadView> find(Caller caller, String conversationId) {
        return conversations.find(ThreadScope.of(caller), conversationId);
    }

    public ThreadView require(Caller caller, String conversationId) {
        return find(caller, conversationId).orElseThrow(() -> new NotFoundException("Communication", conversationId));
    }

    /** The message, if the caller may read it: its thread is visible to them, and a draft is its author's alone. */
    public Optional<Message> findMessage(Caller caller, String messageId) {
        return conversations
                .findMessage(messageId)
                .filter(message -> find(caller, message.getConversationId())
                        .map(view -> seesMessageOf(view, message)
                                && (message.getStatus() != MessageStatus.DRAFT
                                        || ThreadScope.of(caller)
                                                .isAuthor(view.conversation().getPatientId(), message.getSender())))
                        .orElse(false));
    }

    public Message requireMessage(Caller caller, String messageId) {
        return findMessage(caller, messageId).orElseThrow(() -> new NotFoundException("Communication", messageId));
    }

    /**
     * The thread read whole: with the changes of its details the person sees (those made until
     * they left, if they did) and, unless it is closed, the notice while its practitioner is away.
     */
    public ThreadView withChanges(ThreadView view) {
        Conversation thread = view.conversation();
        return new ThreadView(
                thread,
                view.participant(),
                conversations.changes(thread.getId(), view.seesUntil()),
                thread.getStatus() == ConversationStatus.CLOSED ? Optional.empty() : cover.awayNotice(thread));
    }

    /** A practitioner the thread left sees the messages sent until then, and none after. */
    private static boolean seesMessageOf(ThreadView view, Message message) {
        return view.participant() == null || view.participant().sees(message.getSent());
    }

    @Override
    public boolean mayRead(Caller caller, String messageId) {
        return findMessage(caller, messageId).isPresent();
    }
}
