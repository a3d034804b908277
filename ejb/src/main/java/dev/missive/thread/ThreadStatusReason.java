package dev.missive.thread;

/** Why a thread was closed, and whether its participants may open it again. */
public enum ThreadStatusReason {
    /** The patient side sent it marked "no response needed". */
    NO_RESPONSE_NEEDED(false),
    /** A participant closed it. */
    CLOSED_BY_PARTICIPANT(false),
    /** The practitioner left the clinic: the thread stays read-only. */
    PRACTITIONER_INACTIVE(true),
    /** The patient record was merged into another: the thread stays with the old record. */
    PATIENT_MERGED(true);

    private final boolean locksThread;

    ThreadStatusReason(boolean locksThread) {
        this.locksThread = locksThread;
    }

    /** Closed for a reason no participant can undo by reopening it. */
    public boolean locksThread() {
        return locksThread;
    }
}
