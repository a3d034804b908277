package dev.missive.thread;

import dev.missive.service.Page;
import jakarta.ejb.Local;
import java.util.List;

/**
 * Reading threads and messages as the caller may see them: their inbox, a thread's messages,
 * one thread or message. A thread or message the caller may not see is not found.
 */
@Local
public interface ReadingService {

    Message message(String id);

    /** Whichever of a thread or a message has this id, in one call (a read does not know which). */
    ThreadOrMessage communication(String id);

    /**
     * The caller's threads, newest activity first: from {@code offset}, or when {@code after}
     * is given, right after that thread (what a next page link does, stable under new messages).
     */
    List<ThreadView> inbox(InboxFilter filter, InboxCursor after, int offset, int limit);

    /** The inbox's first {@code limit} threads and its size, in one call (none asked: the size alone). */
    Page<ThreadView> inboxPage(InboxFilter filter, int limit);

    /** A thread's sent (and retracted) messages in the order they were sent. */
    List<Message> messages(String conversationId, int offset, int limit);

    /** A thread's first {@code limit} messages and how many it has, in one call. */
    Page<Message> messagePage(String conversationId, int limit);
}
