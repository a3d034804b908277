package dev.missive.export;

import dev.missive.thread.Conversation;
import dev.missive.thread.Message;
import jakarta.ejb.Local;

/**
 * A practitioner's whole message history, for a clinic admin (a staff member leaves, a records
 * request): every thread they take part in and every message sent or received in it, retracted
 * ones as the tombstones they are, drafts never (they are private to their author), confidential
 * ones included (the admin is no proxy). Threads of patient records merged away are included
 * too. Streamed: each item goes to the sink as it is read, nothing is collected.
 */
@Local
public interface MessageExport {

    /** Where the export goes, one item at a time: each thread before its messages. */
    interface Sink {
        void thread(Conversation thread);

        void message(Message message);
    }

    /**
     * Streams the history of the practitioner, also after they left the clinic. Checks who asks
     * and whether the practitioner exists before the first item goes out.
     */
    void export(String practitionerId, Sink sink);
}
