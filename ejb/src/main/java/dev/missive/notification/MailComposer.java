package dev.missive.notification;

import dev.missive.policy.ClinicPolicy;
import dev.missive.thread.NotificationRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the notification email: the clinic's name, a link to the thread, the clinic's
 * guidelines and the non-urgent notice with the emergency number for the recipient's locale. Never the practitioner's name, the subject or the message text: an email can be
 * read by anyone with access to the mailbox. An overdue thread's escalation says only that a
 * thread waits past its response time, with the link.
 */
@ApplicationScoped
public class MailComposer {

    @Inject
    @ConfigProperty(name = "missive.portal.url", defaultValue = "http://localhost:8080/portal")
    String portalUrl;

    /** The email about that request, with the same {@code Message-ID} each time ({@link NotificationMail}). */
    public MimeMessage compose(Session session, ClinicPolicy policy, NotificationRequested request, Recipient recipient)
            throws MessagingException {
        String clinicName = policy.getClinicName();
        String link = portalUrl + "/#/threads/" + request.conversationId();
        String emergency = policy.emergencyNumberFor(recipient.locale());
        String guidelines = policy.getGuidelines() == null ? "" : policy.getGuidelines();
        MimeMessage mail = new NotificationMail(session, request);
        mail.setFrom();
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.email()));
        if (request.isOverdue()) {
            mail.setSubject("A thread is past its response time at " + clinicName, StandardCharsets.UTF_8.name());
            return withBody(
                    mail,
                    clinicName + "\n\n"
                            + "A patient's message has waited longer than the clinic's response time for a reply."
                            + " Sign in to see the thread:\n" + link + "\n",
                    "<p><strong>" + escape(clinicName) + "</strong></p>"
                            + "<p>A patient's message has waited longer than the clinic's response time for a reply. <a href=\""
                            + escape(link) + "\">Sign in to see the thread</a>.</p>");
        }
        mail.setSubject("New secure message from " + clinicName, StandardCharsets.UTF_8.name());

        return withBody(
                mail,
                clinicName + "\n\n"
                        + "You have a new secure message. Sign in to read it:\n" + link + "\n\n"
                        + guidelines + "\n\n"
                        + "Messaging is for non-urgent matters only. In an emergency, call " + emergency + ".\n",
                "<p><strong>" + escape(clinicName) + "</strong></p>"
                        + "<p>You have a new secure message. <a href=\"" + escape(link)
                        + "\">Sign in to read it</a>.</p>"
                        + "<p>" + escape(guidelines) + "</p>"
                        + "<p>Messaging is for non-urgent matters only. In an emergency, call " + emergency + ".</p>");
    }

    private static MimeMessage withBody(MimeMessage mail, String plain, String htmlContent) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plain, StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(htmlContent, "text/html; charset=UTF-8");
        MimeMultipart body = new MimeMultipart("alternative");
        body.addBodyPart(text);
        body.addBodyPart(html);
        mail.setContent(body);
        return mail;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
