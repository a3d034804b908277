package dev.missive.notification;

/** What claiming a delivery found before it. */
public enum DeliveryClaim {
    /** No earlier claim: this attempt is the first. */
    NEW,
    /**
     * An earlier claim, neither marked sent nor released, whose attempt is over: made by this
     * node, or by a node that is gone or has restarted since, or by an unrecorded node. It stopped
     * during the SMTP conversation (a crash), so the relay may or may not have the email.
     */
    IN_DOUBT,
    /**
     * An earlier claim, not marked sent, made by another node that is alive and has run since:
     * its attempt may be in the SMTP conversation right now. This copy of the request waits.
     */
    HELD,
    /** The relay accepted the email already. */
    SENT
}
