package dev.missive.notification;

import dev.missive.thread.NotificationRequested;

/**
 * The record of which emails went out, each change committed at once in a transaction of its
 * own, not with the JMS delivery: what it says survives a crash during the SMTP conversation.
 */
public interface DeliveryClaims {

    /** Claims emailing the request's recipient, before any SMTP conversation; answers what it found. */
    DeliveryClaim claim(NotificationRequested request);

    /** The relay accepted the email: a later request for it sends nothing. */
    void sent(NotificationRequested request);

    /** The relay refused the email or could not be reached: the next attempt claims afresh. */
    void release(NotificationRequested request);
}
