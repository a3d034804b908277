package dev.missive.thread;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where an inbox page ended: the last thread's activity and id. The next page starts after it,
 * so a thread that moves to the top meanwhile is neither shown twice nor makes another skipped.
 */
public record InboxCursor(Instant lastActivity, String conversationId) implements Serializable {

    public static InboxCursor after(Conversation last) {
        return new InboxCursor(last.getLastActivity(), last.getId());
    }
}
