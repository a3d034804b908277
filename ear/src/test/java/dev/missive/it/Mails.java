package dev.missive.it;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/** Reading what the real SMTP server received. */
final class Mails {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The staff activity window of the suite's WildFly ({@code MISSIVE_STAFF_ACTIVE_MINUTES=0.05}). */
    static final Duration STAFF_ACTIVITY_WINDOW = Duration.ofSeconds(3);

    private Mails() {}

    /** The first received email that matches, waiting for it to arrive. */
    static Optional<MimeMessage> await(GreenMail mail, Predicate<MimeMessage> wanted) {
        Instant deadline = Instant.now().plus(PATIENCE);
        do {
            Optional<MimeMessage> found =
                    Arrays.stream(mail.getReceivedMessages()).filter(wanted).findFirst();
            if (found.isPresent()) {
                return found;
            }
            mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    /**
     * Waits until practitioners who called the API before are no longer "working in the portal",
     * so that they are emailed again.
     */
    static void afterStaffActivityWindow(Instant lastActive) throws InterruptedException {
        Thread.sleep(Math.max(
                        0,
                        Duration.between(Instant.now(), lastActive.plus(STAFF_ACTIVITY_WINDOW))
                                .toMillis())
                + 500);
    }

    static boolean addressedTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the first body part of that MIME type ("" if there is none). */
    static String part(MimeMessage message, String mimeType) {
        try {
            return part(message.getContent(), mimeType);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object content, String mimeType) throws IOException, MessagingException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart bodyPart = multipart.getBodyPart(i);
                if (bodyPart.isMimeType(mimeType)) {
                    return bodyPart.getContent().toString();
                }
                String nested = part(bodyPart.getContent(), mimeType);
                if (!nested.isEmpty()) {
                    return nested;
                }
            }
        }
        return "";
    }
}
