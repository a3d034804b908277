package dev.missive.service;

import dev.missive.domain.InboxCursor;
import dev.missive.domain.Message;
import dev.missive.domain.ThreadView;
import jakarta.ejb.Local;
import java.util.List;

/**
 * Threads and the messages in them, as the caller may see and write them. A thread or message
 * the caller may not see is not found; a draft is seen by its author alone.
 */
@Local
public interface ConversationService {

    ThreadView start(NewThread request);

    Message send(NewMessage request);

    /** Edits a draft thread; when the edit is not itself a draft, sends it. */
    ThreadView editDraftThread(String id, NewThread edited);

    /** Edits a draft message; when the edit is not itself a draft, sends it. */
    Message editDraftMessage(String id, NewMessage edited);

    /** Discards a draft thread (with its draft messages) or a draft message; nothing else. */
    void discardDraft(String id);

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

    /** The caller's draft threads, newest first. */
    List<ThreadView> draftThreads();

    /** The caller's draft messages in threads they may still see. */
    List<Message> draftMessages();
}
