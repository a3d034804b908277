package dev.missive.service;

import dev.missive.domain.Message;
import dev.missive.domain.ThreadView;
import jakarta.ejb.Local;
import java.util.List;

/**
 * Threads and the messages in them, as the caller may see and write them. A thread or message
 * the caller does not take part in is not found.
 */
@Local
public interface ConversationService {

    ThreadView start(NewThread request);

    Message send(NewMessage request);

    ThreadView thread(String id);

    Message message(String id);

    /** The caller's threads, newest activity first. */
    List<ThreadView> inbox(int offset, int limit);

    long inboxSize();

    /** A thread's messages in the order they were sent. */
    List<Message> messages(String conversationId, int offset, int limit);

    long messageCount(String conversationId);
}
