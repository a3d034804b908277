package dev.missive.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.testing.TestClinic;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NotificationRequested;
import dev.missive.thread.SendingService;
import jakarta.mail.MessagingException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One email per message and recipient across redeliveries, refusals and a crash during the SMTP
 * conversation, on the real claims and database. The listener's JMS transaction is not
 * modelled: each claim commits on its own, as it does in the container; a delivery is a call
 * of the service, a redelivery the same call again.
 */
class NotificationServiceTest {

    private final TestClinic clinic = new TestClinic();
    private final RecordingRelay relay = new RecordingRelay().installIn(clinic);
    private final NotificationService notifications = clinic.bean(NotificationService.class);
    private NotificationRequested request;

    @BeforeEach
    void aliceWritesToDrLeeWhoWantsEmail() {
        clinic.practitioners.find("drlee").orElseThrow().setEmail("drlee@example.com");
        clinic.practitioners.find("drlee").orElseThrow().setEmailNotifications(true);
        String thread = clinic.start("alice", "drlee");
        clinic.bean(SendingService.class).send(new NewMessage(thread, "Hello", null));
        request = clinic.published.get(0);
    }

    @Test
    void aSentEmailIsNotSentAgainWhenTheRequestComesBack() {
        notifications.deliver(request);
        notifications.deliver(request);
        assertEquals(1, relay.accepted.size());
        assertTrue(delivery().orElseThrow().isSent());
    }

    @Test
    void aCrashDuringTheSmtpConversationLeavesAClaimInDoubtThatIsSentOnceMoreWithTheSameMessageId()
            throws MessagingException {
        relay.next(RecordingRelay.Next.ACCEPT_THEN_KILL);
        assertThrows(RecordingRelay.ServerKilled.class, () -> notifications.deliver(request));
        assertFalse(delivery().orElseThrow().isSent(), "claimed before the SMTP conversation, never marked sent");

        notifications.deliver(request);
        notifications.deliver(request);
        assertEquals(2, relay.accepted.size(), "sent again once: the relay may or may not have had it");
        assertEquals(
                relay.accepted.get(0).getMessageID(),
                relay.accepted.get(1).getMessageID(),
                "the same Message-ID, for the mail system to fold");
        assertTrue(delivery().orElseThrow().isSent());
    }

    @Test
    void aRefusedEmailReleasesItsClaimAndGoesOutOnTheNextAttempt() {
        relay.next(RecordingRelay.Next.REFUSE);
        assertThrows(IllegalStateException.class, () -> notifications.deliver(request));
        assertTrue(relay.accepted.isEmpty());
        assertTrue(delivery().isEmpty(), "nothing was sent, nothing is in doubt");

        notifications.deliver(request);
        assertEquals(1, relay.accepted.size());
        assertTrue(delivery().orElseThrow().isSent());
    }

    private Optional<NotificationDelivery> delivery() {
        return clinic.bean(NotificationDeliveryRepository.class).find(request.messageId(), request.recipient());
    }
}
