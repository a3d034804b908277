package dev.missive.notification;

/** What claiming a delivery found before it. */
public enum DeliveryClaim {
    /** No earlier claim: this attempt is the first. */
    NEW,
    /**
     * An earlier claim, neither marked sent nor released: its attempt stopped during the SMTP
     * conversation (a crash), so the relay may or may not have the email.
     */
    IN_DOUBT,
    /** The relay accepted the email already. */
    SENT
}
