package dev.missive.notification;

import dev.missive.policy.PolicyService;
import dev.missive.thread.NotificationRequested;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Emails one recipient about one message, in the transaction of the JMS delivery. The delivery
 * is recorded before the email goes to SMTP: if sending fails, the record rolls back with the
 * request, which Artemis delivers again; if a redelivered request finds the record, nothing is
 * sent twice. The one window left is a crash after the relay accepted the email and before the
 * transaction committed: then the email is sent again (at least once, never lost).
 */
@Stateless
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @Inject
    NotificationRecipients recipients;

    @Inject
    NotificationDeliveryRepository deliveries;

    @Inject
    MailComposer composer;

    @Inject
    SmtpRelay relay;

    @Inject
    PolicyService policies;

    @Inject
    Clock clock;

    @Resource(lookup = SmtpRelay.SESSION)
    Session mailSession;

    public void deliver(NotificationRequested request) {
        if (deliveries.delivered(request.messageId(), request.recipient())) {
            return;
        }
        Optional<Recipient> recipient = recipients.recipientOf(request);
        if (recipient.isEmpty()) {
            return;
        }
        deliveries.add(new NotificationDelivery(request.messageId(), request.recipient(), clock.instant()));
        try {
            relay.send(composer.compose(mailSession, policies.current(), request, recipient.get()));
        } catch (MessagingException e) {
            // Ids only: the log must not carry an address or anything about the message.
            LOG.warning("Notification of message " + request.messageId() + " to " + request.recipient()
                    + " not sent yet: " + e.getClass().getSimpleName());
            throw new IllegalStateException("SMTP delivery failed", e);
        }
    }
}
