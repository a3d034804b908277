package dev.missive.notification;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.domain.PatientRepository;
import dev.missive.domain.PractitionerRepository;
import dev.missive.service.PolicyService;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides whether a recipient is emailed about a new message and sends the email. Patients
 * are emailed unless they chose do-not-email or have no address; practitioners only if they
 * opted in.
 */
@Stateless
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @Inject
    PatientRepository patients;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    MailComposer composer;

    @Inject
    PolicyService policies;

    @Resource(lookup = "java:jboss/mail/Missive")
    Session mailSession;

    public void deliver(NotificationRequested request) {
        Optional<Recipient> recipient = recipientOf(request.recipient());
        if (recipient.isEmpty()) {
            return;
        }
        try {
            Transport.send(composer.compose(mailSession, policies.current(), recipient.get(), request.conversationId()));
        } catch (MessagingException e) {
            // Ids only: the log must not carry an address or anything about the message.
            LOG.warning("Notification for message " + request.messageId() + " not sent yet: " + e.getClass().getSimpleName());
            throw new IllegalStateException("SMTP delivery failed", e);
        }
    }

    private Optional<Recipient> recipientOf(Party party) {
        if (party.type() == PartyType.PATIENT) {
            return patients.find(party.id())
                    .filter(p -> !p.isDoNotEmail() && hasAddress(p.getEmail()))
                    .map(p -> new Recipient(p.getEmail(), p.getLocale()));
        }
        return practitioners.find(party.id())
                .filter(p -> p.isEmailNotifications() && hasAddress(p.getEmail()))
                .map(p -> new Recipient(p.getEmail(), null));
    }

    private static boolean hasAddress(String email) {
        return email != null && !email.isBlank();
    }
}
