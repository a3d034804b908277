package dev.missive.notification;

import dev.missive.policy.PolicyService;
import dev.missive.thread.NotificationRequested;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Emails one recipient about one message, at least once, on whichever node's queue holds the
 * request. The delivery is claimed in a transaction of its own before the SMTP conversation,
 * and marked sent in another as soon as the relay accepted the email; a refusal releases the
 * claim and rolls the request back, for Artemis to deliver again. The last attempt that fails
 * records a dead letter in the database instead, and so does the first attempt for a recipient
 * whose address is not an email address: no later attempt could send it, retrying would only
 * hold it for the hour of the back-off. Once done with (emailed, nobody to email, or a dead
 * letter) the request's outbox row is removed. The attempt is a database transaction of its own
 * (the claim and "sent" have theirs), apart from the listener's, which then holds only the
 * queue's acknowledgement: each commits in one phase, where one transaction over both would be
 * a two-phase commit with a transaction log write for every email. Removed but not acknowledged
 * (a crash in between), the request is delivered again and finds the delivery sent.
 *
 * <p>A redelivered, replayed or re-relayed request that finds the delivery sent sends nothing.
 * One that finds a claim another live node holds (its attempt may be in the SMTP conversation
 * now) is tried again later. One that finds the claim in doubt (a server stopped during the
 * SMTP conversation: this node before a restart, or a node now gone) sends again with the same
 * {@code Message-ID}, which mail systems can fold: a duplicate is better than an email lost.
 * An email the relay took whose "sent" could not be committed (the database away) is remembered
 * by this node, and its redelivery here marks it sent instead of sending it again.
 * What can still make a second copy: a crash after the relay took the email and before "sent"
 * committed (the relay's reply, the QUIT and that one-row commit), or before the database came
 * back after such a failure, and a node counted as gone while it was only paused (longer than
 * the window) in that same stretch.
 */
@Stateless
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @Inject
    NotificationRecipients recipients;

    @Inject
    DeliveryClaims claims;

    @Inject
    UnmarkedDeliveries unmarked;

    @Inject
    MailComposer composer;

    @Inject
    SmtpRelay relay;

    @Inject
    PolicyService policies;

    @Inject
    PendingNotificationRepository outbox;

    @Inject
    FailedNotificationRepository deadLetters;

    @Inject
    Clock clock;

    @Resource(lookup = SmtpRelay.SESSION)
    Session mailSession;

    /** The attempts Artemis makes (MISSIVE_NOTIFY_MAX_ATTEMPTS, as in its address setting). */
    @Inject
    @ConfigProperty(name = "missive.notify.max.attempts", defaultValue = "20")
    int maxAttempts;

    /**
     * One attempt, the {@code attempt}th (from 1) of a request put on the queue at {@code queued}.
     * Throws to have Artemis deliver it again, except on the last attempt.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deliver(NotificationRequested request, int attempt, Instant queued) {
        try {
            if (!email(request)) {
                LOG.warning(describe(request) + " cannot be sent, the address is not an email address: dead-lettered");
                deadLetter(request, attempt, queued);
            }
        } catch (DeliveryPostponed e) {
            if (attempt < maxAttempts) {
                throw e;
            }
            LOG.warning(describe(request) + " failed its last attempt: dead-lettered");
            deadLetter(request, attempt, queued);
        }
        outbox.remove(request);
    }

    private void deadLetter(NotificationRequested request, int attempt, Instant queued) {
        deadLetters.addIfAbsent(new FailedNotification(request, attempt, queued, clock.instant()));
    }

    /** Emails the recipient, if anyone is to be emailed; false if their address cannot be emailed. */
    private boolean email(NotificationRequested request) {
        Optional<Recipient> recipient = recipients.recipientOf(request);
        if (recipient.isEmpty()) {
            return true;
        }
        if (!recipient.get().hasEmailAddress()) {
            return false;
        }
        try {
            send(request, composer.compose(mailSession, policies.current(), request, recipient.get()));
        } catch (MessagingException e) {
            // Ids only: the log must not carry an address or anything about the message.
            LOG.warning(describe(request) + " not sent yet: " + e.getClass().getSimpleName());
            throw new DeliveryPostponed("SMTP delivery failed", e);
        }
        return true;
    }

    private void send(NotificationRequested request, MimeMessage mail) throws MessagingException {
        DeliveryClaim claim = claims.claim(request);
        if (claim == DeliveryClaim.SENT) {
            return;
        }
        if (claim == DeliveryClaim.HELD) {
            LOG.info(describe(request) + " is being sent by another node: tried again later");
            throw new DeliveryPostponed("Claimed by another node", null);
        }
        if (claim == DeliveryClaim.IN_DOUBT && unmarked.forget(request)) {
            LOG.info(describe(request) + " was taken by the relay before the database went away: marked sent now");
            claims.sent(request);
            return;
        }
        if (claim == DeliveryClaim.IN_DOUBT) {
            LOG.warning(
                    describe(request) + " in doubt (claimed, never marked sent): sending it again, same Message-ID");
        }
        try {
            relay.send(mail);
        } catch (MessagingException e) {
            claims.release(request);
            throw e;
        }
        try {
            claims.sent(request);
        } catch (RuntimeException e) {
            // the relay has it: this node's redelivery must not send it again
            unmarked.remember(request);
            throw new DeliveryPostponed("Sent, but not yet marked sent", e);
        }
    }

    private static String describe(NotificationRequested request) {
        return "Notification of message " + request.messageId() + " to " + request.recipient();
    }
}
