package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An email about one message to one recipient, whose {@code Message-ID} is the same every time
 * it is written: a resend after a crash carries the id of the first copy, so a mail system can
 * fold the two. The id is the SHA-256 of the message id and the recipient's reference (opaque
 * ids, hashed so that not even those are shown) at the domain of the From address
 * ({@code MISSIVE_MAIL_FROM}). Jakarta Mail would otherwise make a new id at every save.
 */
class NotificationMail extends MimeMessage {

    private final String localPart;

    NotificationMail(Session session, NotificationRequested request) {
        super(session);
        this.localPart = digest(request.messageId() + "/" + request.recipient());
    }

    /** Called by every save, and so by every send. */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + localPart + "@" + domainOf((InternetAddress) getFrom()[0]) + ">");
    }

    /** What follows the last {@code @}: the whole address if it has none, still a valid right-hand side. */
    private static String domainOf(InternetAddress from) {
        String address = from.getAddress();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static String digest(String ids) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(ids.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
