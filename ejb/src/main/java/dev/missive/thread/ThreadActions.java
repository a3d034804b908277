package dev.missive.thread;

import jakarta.ejb.Local;

/**
 * What the people in a thread do to it once it exists: close and reopen it, archive it in their
 * own inbox, retract a message, and read. A thread or message the caller does not see is not
 * found; one they see without taking part in it (integration engine, clinic admin) is forbidden.
 * Each returns the thread or message as the caller now sees it.
 */
@Local
public interface ThreadActions {

    /** Closes the thread for everyone: no more messages until it is reopened. */
    ThreadView close(String conversationId);

    /** Opens a closed thread again, unless it was closed for a reason that locks it. */
    ThreadView reopen(String conversationId);

    /** Archives the thread in the caller's own inbox; a new message un-archives it. */
    ThreadView archive(String conversationId);

    ThreadView unarchive(String conversationId);

    /**
     * Takes back the caller's own message while the clinic's retract window lasts and nobody has
     * acted on it: no later message, archive or close. Its text is removed for good; the record
     * stays as a trace both sides see. Nobody is notified.
     */
    Message retract(String messageId);

    /**
     * The caller opened a message, or a whole thread: what the other side sent gets its read
     * receipt and stops counting as unread. The caller's own messages are never marked.
     */
    ThreadOrMessage markRead(String communicationId);
}
