package dev.missive.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.policy.ClinicPolicy;
import dev.missive.testing.TestClinic;
import dev.missive.thread.NotificationRequested;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An email's Message-ID: the same for every copy of one delivery, its own for each other one, ids only. */
class NotificationMailTest {

    private static final NotificationRequested TO_ALICE =
            new NotificationRequested("message-1", "thread-1", Party.patient("alice"));

    private final TestClinic clinic = new TestClinic();
    private final RecordingRelay relay = new RecordingRelay().installIn(clinic);
    private final MailComposer composer = clinic.bean(MailComposer.class);

    @Test
    void everyCopyOfADeliveryHasTheSameMessageId() throws MessagingException {
        assertEquals(messageIdOf(TO_ALICE), messageIdOf(TO_ALICE), "composed again, as a resend is");
        MimeMessage mail = compose(TO_ALICE);
        assertEquals(relay.wire(mail).getMessageID(), relay.wire(mail).getMessageID(), "saved again");
    }

    @Test
    void eachRecipientAndEachMessageHasItsOwn() throws MessagingException {
        List<NotificationRequested> deliveries = List.of(
                TO_ALICE,
                new NotificationRequested("message-1", "thread-1", Party.practitioner("drlee")),
                new NotificationRequested("message-1", "thread-1", new Party(PartyType.RELATED_PERSON, "alice")),
                new NotificationRequested("message-2", "thread-1", Party.patient("alice")));
        Set<String> ids = new HashSet<>();
        for (NotificationRequested delivery : deliveries) {
            ids.add(messageIdOf(delivery));
        }
        assertEquals(deliveries.size(), ids.size());
    }

    @Test
    void itIsAHashOfTheIdsAtTheFromAddressDomainAndNothingElse() throws MessagingException {
        assertTrue(
                messageIdOf(TO_ALICE).matches("<[0-9a-f]{64}@clinic\\.example>"),
                "no id, address or anything of the message in clear: " + messageIdOf(TO_ALICE));
    }

    private String messageIdOf(NotificationRequested request) throws MessagingException {
        return relay.wire(compose(request)).getMessageID();
    }

    private MimeMessage compose(NotificationRequested request) throws MessagingException {
        ClinicPolicy policy = new ClinicPolicy();
        policy.setClinicName("Riverside Clinic");
        return composer.compose(relay.mailSession, policy, request, new Recipient("alice@example.com", null));
    }
}
