package dev.missive.notification;

import dev.missive.policy.PolicyService;
import dev.missive.thread.NotificationRequested;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Emails one recipient about one message, at least once. The delivery is claimed in a
 * transaction of its own before the SMTP conversation, and marked sent in another as soon as the
 * relay accepted the email; a refusal releases the claim and rolls the request back, for Artemis
 * to deliver again. A redelivered or replayed request that finds the delivery sent sends
 * nothing; one that finds the claim in doubt (the server stopped during the SMTP conversation)
 * sends again with the same {@code Message-ID}, which mail systems can fold: a duplicate is
 * better than an email lost. The window left for a second copy: a crash after the relay took the
 * email and before "sent" committed (the relay's reply, the QUIT and that one-row commit).
 */
@Stateless
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @Inject
    NotificationRecipients recipients;

    @Inject
    DeliveryClaims claims;

    @Inject
    MailComposer composer;

    @Inject
    SmtpRelay relay;

    @Inject
    PolicyService policies;

    @Resource(lookup = SmtpRelay.SESSION)
    Session mailSession;

    public void deliver(NotificationRequested request) {
        Optional<Recipient> recipient = recipients.recipientOf(request);
        if (recipient.isEmpty()) {
            return;
        }
        try {
            send(request, composer.compose(mailSession, policies.current(), request, recipient.get()));
        } catch (MessagingException e) {
            // Ids only: the log must not carry an address or anything about the message.
            LOG.warning(describe(request) + " not sent yet: " + e.getClass().getSimpleName());
            throw new IllegalStateException("SMTP delivery failed", e);
        }
    }

    private void send(NotificationRequested request, MimeMessage mail) throws MessagingException {
        DeliveryClaim claim = claims.claim(request);
        if (claim == DeliveryClaim.SENT) {
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
        claims.sent(request);
    }

    private static String describe(NotificationRequested request) {
        return "Notification of message " + request.messageId() + " to " + request.recipient();
    }
}
