package dev.missive.thread;

import jakarta.ejb.Local;
import java.util.List;

/**
 * Drafts: threads and messages their author keeps to themselves until they send them. A draft
 * is seen by its author alone; editing one into a non-draft sends it, with every rule checked
 * as for a new one.
 */
@Local
public interface DraftService {

    ThreadView saveThread(NewThread draft);

    Message saveMessage(NewMessage draft);

    /**
     * Edits a draft message; when the edit is not itself a draft, sends it. {@code
     * expectedVersion}: the version the edit was based on (If-Match), or null for an
     * unconditional edit. A draft thread is edited through {@link ThreadEditing}.
     */
    Message editMessage(String id, NewMessage edited, Long expectedVersion);

    /** Discards a draft thread (with its draft messages) or a draft message; nothing else. */
    void discard(String id);

    /** The caller's draft threads, newest first. */
    List<ThreadView> threads();

    /** The caller's draft messages in threads they may still see. */
    List<Message> messages();
}
