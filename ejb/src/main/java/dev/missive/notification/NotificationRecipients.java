package dev.missive.notification;

import dev.missive.directory.PatientRepository;
import dev.missive.directory.PractitionerRepository;
import dev.missive.directory.RelatedPersonRepository;
import dev.missive.domain.Party;
import dev.missive.thread.ConversationRepository;
import dev.missive.thread.MessageStatus;
import dev.missive.thread.NotificationRequested;
import dev.missive.thread.ThreadScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is emailed about a new message, decided when the request is delivered (which may be
 * minutes after the message was sent, so everything is read again): a patient unless they chose
 * do-not-email or have no address; a proxy only while they act for the patient and never for a
 * confidential thread; a practitioner only if they opted in and are not working in the portal
 * right now. Nobody for a message that is no longer sent (retracted, or gone), and nobody who
 * would not see the thread now: each recipient's {@link ThreadScope} decides, as it decides
 * their reads (a proxy never sees a confidential thread, the patient side no thread of a
 * merged-away record). An overdue thread's escalation goes to the clinic admins' address while
 * the thread still waits for that answer.
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

    /** Where overdue threads are escalated: the clinic admins' address (a shared mailbox or a list). */
    @Inject
    @ConfigProperty(name = "missive.clinic.admin.email")
    Optional<String> clinicAdmins;

    public Optional<Recipient> recipientOf(NotificationRequested request) {
        if (request.isOverdue()) {
            return escalationRecipient(request);
        }
        boolean stillSent = conversations
                .findMessage(request.messageId())
                .filter(message -> message.getStatus() == MessageStatus.SENT)
                .isPresent();
        return stillSent
                ? addressOf(request.recipient())
                        .filter(recipient -> conversations
                                .find(recipient.scope(), request.conversationId())
                                // a practitioner the thread has left since gets nothing new
                                .filter(view -> view.participant() == null
                                        || view.participant().isActive())
                                .isPresent())
                        .map(Addressee::recipient)
                : Optional.empty();
    }

    /** The clinic admins, unless the thread was answered (or closed) since it was escalated. */
    private Optional<Recipient> escalationRecipient(NotificationRequested request) {
        boolean stillWaiting = conversations
                .find(request.conversationId())
                .filter(thread -> request.awaitedMessageId().equals(thread.getAwaitingMessageId())
                        && thread.isOverdueAt(clock.instant()))
                .isPresent();
        return clinicAdmins
                .filter(address -> stillWaiting && hasAddress(address))
                .map(address -> new Recipient(address.strip(), null));
    }

    /** Where to write to the party, and which threads they see right now. */
    private Optional<Addressee> addressOf(Party party) {
        return switch (party.type()) {
            case PATIENT ->
                patients.find(party.id())
                        .filter(p -> !p.isDoNotEmail() && hasAddress(p.getEmail()))
                        .map(p ->
                                new Addressee(new Recipient(p.getEmail(), p.getLocale()), ThreadScope.ofPerson(party)));
            case RELATED_PERSON ->
                relatedPersons
                        .find(party.id())
                        .filter(r -> r.actsAt(clock.instant()) && hasAddress(r.getEmail()))
                        .flatMap(r -> patients.find(r.getPatientId())
                                .map(p -> new Addressee(
                                        new Recipient(r.getEmail(), p.getLocale()),
                                        ThreadScope.ofProxy(r.getPatientId(), party))));
            case PRACTITIONER ->
                practitioners
                        .find(party.id())
                        .filter(p -> p.isEmailNotifications() && hasAddress(p.getEmail()))
                        .filter(p -> !staffActivity.isActive(p.getId()))
                        .map(p -> new Addressee(new Recipient(p.getEmail(), null), ThreadScope.ofPerson(party)));
            case CARE_TEAM -> Optional.empty(); // a pool is emailed through its members' rows
        };
    }

    private static boolean hasAddress(String email) {
        return email != null && !email.isBlank();
    }

    private record Addressee(Recipient recipient, ThreadScope scope) {}
}
