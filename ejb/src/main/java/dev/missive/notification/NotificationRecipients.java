package dev.missive.notification;

import dev.missive.directory.PatientRepository;
import dev.missive.directory.PractitionerRepository;
import dev.missive.directory.RelatedPersonRepository;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationRepository;
import dev.missive.thread.MessageStatus;
import dev.missive.thread.NotificationRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Who is emailed about a new message, decided when the request is delivered (which may be
 * minutes after the message was sent, so everything is read again): a patient unless they chose
 * do-not-email or have no address; a proxy only while they act for the patient and never for a
 * confidential thread; a practitioner only if they opted in and are not working in the portal
 * right now. Nobody for a message that is no longer sent (retracted, or gone), and nobody on the
 * patient side of a thread whose patient record was merged away.
 */
@ApplicationScoped
public class NotificationRecipients {

    @Inject
    ConversationRepository conversations;

    @Inject
    PatientRepository patients;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    RelatedPersonRepository relatedPersons;

    @Inject
    StaffActivity staffActivity;

    @Inject
    Clock clock;

    public Optional<Recipient> recipientOf(NotificationRequested request) {
        boolean stillSent = conversations.findMessage(request.messageId())
                .filter(message -> message.getStatus() == MessageStatus.SENT).isPresent();
        boolean hiddenFromRecipient = request.recipient().type() != PartyType.PRACTITIONER
                && conversations.find(request.conversationId()).filter(Conversation::isMergedAway).isPresent();
        return stillSent && !hiddenFromRecipient ? addressOf(request.recipient(), request.conversationId())
                : Optional.empty();
    }

    private Optional<Recipient> addressOf(Party party, String conversationId) {
        return switch (party.type()) {
            case PATIENT -> patients.find(party.id())
                    .filter(p -> !p.isDoNotEmail() && hasAddress(p.getEmail()))
                    .map(p -> new Recipient(p.getEmail(), p.getLocale()));
            case RELATED_PERSON -> relatedPersons.find(party.id())
                    .filter(r -> r.actsAt(clock.instant()) && hasAddress(r.getEmail()))
                    .filter(r -> conversations.find(conversationId).filter(c -> !c.isConfidential()).isPresent())
                    .flatMap(r -> patients.find(r.getPatientId()).map(p -> new Recipient(r.getEmail(), p.getLocale())));
            case PRACTITIONER -> practitioners.find(party.id())
                    .filter(p -> p.isEmailNotifications() && hasAddress(p.getEmail()))
                    .filter(p -> !staffActivity.isActive(p.getId()))
                    .map(p -> new Recipient(p.getEmail(), null));
        };
    }

    private static boolean hasAddress(String email) {
        return email != null && !email.isBlank();
    }
}
