package dev.missive.thread;

import java.time.Instant;
import java.util.List;

/**
 * A thread as one person sees it: the thread and that person's own state in it (archived,
 * unread, last read). The state is null for callers who read threads without taking part,
 * such as the integration engine. {@code changes}: the changes of its details the person may
 * see, when the thread is read whole (empty in inbox pages).
 */
public record ThreadView(Conversation conversation, Participant participant, List<ThreadChange> changes) {

    public ThreadView {
        changes = List.copyOf(changes);
    }

    public ThreadView(Conversation conversation, Participant participant) {
        this(conversation, participant, List.of());
    }

    /** Until when the person sees the thread's messages and changes: null for all of them. */
    public Instant seesUntil() {
        return participant == null ? null : participant.getLeftAt();
    }
}
