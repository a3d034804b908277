package dev.missive.domain;

import java.util.List;
import java.util.Optional;

/** Threads, their messages and their participants: they are stored and read together. */
public interface ConversationRepository {

    Optional<Conversation> find(String id);

    Optional<Message> findMessage(String id);

    Optional<Participant> findParticipant(String conversationId, Party party);

    List<Participant> participants(String conversationId);

    /** The party's threads, newest activity first, from {@code offset}, at most {@code limit}. */
    List<ThreadView> inbox(Party party, int offset, int limit);

    long inboxSize(Party party);

    /** A thread's sent and retracted messages in the order they were sent. */
    List<Message> messages(String conversationId, int offset, int limit);

    long messageCount(String conversationId);

    void add(Conversation conversation);

    void add(Message message);

    void add(Participant participant);
}
