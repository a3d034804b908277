package dev.missive.thread;

import dev.missive.eligibility.AwayNotice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A thread as one person sees it: the thread and that person's own state in it (archived,
 * unread, last read). The state is null for callers who read threads without taking part,
 * such as the integration engine. {@code changes}: the changes of its details the person may
 * see, when the thread is read whole (empty in inbox pages); {@code away}: while the thread's
 * practitioner is away, the notice its readers see (unless it is closed), read whole or in an inbox page.
 */
public record ThreadView(
        Conversation conversation, Participant participant, List<ThreadChange> changes, Optional<AwayNotice> away) {

    public ThreadView {
        changes = List.copyOf(changes);
    }

    public ThreadView(Conversation conversation, Participant participant, List<ThreadChange> changes) {
        this(conversation, participant, changes, Optional.empty());
    }

    public ThreadView(Conversation conversation, Participant participant) {
        this(conversation, participant, List.of());
    }

    /** Until when the person sees the thread's messages and changes: null for all of them. */
    public Instant seesUntil() {
        return participant == null ? null : participant.getLeftAt();
    }
}
