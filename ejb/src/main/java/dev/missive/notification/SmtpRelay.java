package dev.missive.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.logging.Logger;

/**
 * The SMTP conversation of one email, through the mail session {@value #SESSION} (SMTP_HOST,
 * SMTP_PORT), as {@code Transport.send} holds it with one difference: once the relay accepted
 * the email, a failure to close the connection is not a failure to send, which would only
 * make the email go out again.
 */
@ApplicationScoped
public class SmtpRelay {

    static final String SESSION = "java:jboss/mail/Missive";

    private static final Logger LOG = Logger.getLogger(SmtpRelay.class.getName());

    @Resource(lookup = SESSION)
    Session session;

    /** Returns once the relay accepted the email. */
    public void send(MimeMessage mail) throws MessagingException {
        mail.saveChanges();
        Address[] recipients = mail.getAllRecipients();
        Transport transport = session.getTransport(recipients[0]);
        transport.connect();
        try {
            transport.sendMessage(mail, recipients);
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine("Closing the SMTP connection failed: " + e.getClass().getSimpleName());
            }
        }
    }
}
