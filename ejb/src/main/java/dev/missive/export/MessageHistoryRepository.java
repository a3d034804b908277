package dev.missive.export;

import java.util.function.Consumer;

/** A practitioner's message history, read in one pass for an export whatever its size. */
public interface MessageHistoryRepository {

    /**
     * Hands over each sent thread of the practitioner (draft threads excluded), oldest first,
     * once per sent or retracted message in the order they were sent (draft messages excluded),
     * or once with a null message when it has none. Memory does not grow with the history: the
     * rows are read in batches and let go once handed over.
     */
    void forEachOf(String practitionerId, Consumer<ThreadMessage> each);
}
