package dev.missive.thread;

import dev.missive.domain.Party;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Threads, their messages and their participants: they are stored and read together. */
public interface ConversationRepository {

    Optional<Conversation> find(String id);

    Optional<Message> findMessage(String id);

    /** The thread if it is in the scope, with the scope's own row in it (null when it has none). */
    Optional<ThreadView> find(ThreadScope scope, String id);

    Optional<Participant> findParticipant(String conversationId, Party party);

    List<Participant> participants(String conversationId);

    /** An inbox page, newest activity first, from {@code offset}, at most {@code limit}. */
    List<ThreadView> inbox(InboxQuery query, int offset, int limit);

    long inboxSize(InboxQuery query);

    /** Draft threads started by any of these parties, newest first. */
    List<Conversation> draftThreads(Collection<Party> authors);

    /** Draft messages written by any of these parties. */
    List<Message> draftMessages(Collection<Party> authors);

    /** Every message of a thread, drafts included (to discard a draft thread whole). */
    List<Message> allMessages(String conversationId);

    void remove(Message message);

    void remove(Conversation conversation);

    /**
     * A thread's sent and retracted messages in the order they were sent; with {@code until},
     * only those sent until then (what a practitioner the thread left still sees).
     */
    List<Message> messages(String conversationId, Instant until, int offset, int limit);

    long messageCount(String conversationId, Instant until);

    /** The changes of a thread's details, oldest first; with {@code until}, only those made until then. */
    List<ThreadChange> changes(String conversationId, Instant until);

    void add(ThreadChange change);

    /** The practitioner's threads that are still open (to close them when they leave). */
    List<Conversation> openThreadsOf(String practitionerId);

    void add(Conversation conversation);

    void add(Message message);

    void add(Participant participant);

    void add(StaffReply reply);

    /**
     * Waits for, then holds until the transaction ends, the thread's row, and counts one more
     * version of it: thread actions run one at a time per thread, and a write that read the
     * thread before (a message being sent) fails with a version conflict instead of being lost.
     * Call it before reading anything else of the thread.
     */
    void lock(String conversationId);

    /** Whether any sent message of the thread other than {@code messageId} was sent at or after {@code since}. */
    boolean hasMessageSince(String conversationId, Instant since, String messageId);

    /** The thread's sent messages that have no read receipt yet, whoever sent them. */
    List<Message> unreceived(String conversationId);
}
