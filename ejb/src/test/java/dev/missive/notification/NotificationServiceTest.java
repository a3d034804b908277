package dev.missive.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.cluster.ClusterNode;
import dev.missive.cluster.ClusterNodeRepository;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.testing.TestClinic;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NotificationRequested;
import dev.missive.thread.SendingService;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One email per message and recipient across redeliveries, refusals, a crash during the SMTP
 * conversation and copies of a request on two nodes, on the real claims and database. The
 * listener's JMS transaction is not modelled: each claim commits on its own, as it does in the
 * container; a delivery is a call of the service, a redelivery the same call again. This node has
 * the default name; "node-b" is another node whose rows the test writes as it would.
 */
class NotificationServiceTest {

    private static final int LAST_ATTEMPT = 20;

    private final TestClinic clinic = new TestClinic();
    private final RecordingRelay relay = new RecordingRelay().installIn(clinic);
    private final NotificationService notifications = clinic.bean(NotificationService.class);
    private final Instant queued = clinic.clock.instant();
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
        notifications.deliver(request, 1, queued);
        notifications.deliver(request, 2, queued);
        assertEquals(1, relay.accepted.size());
        assertTrue(delivery().orElseThrow().isSent());
    }

    @Test
    void aCrashDuringTheSmtpConversationLeavesAClaimInDoubtThatIsSentOnceMoreWithTheSameMessageId()
            throws MessagingException {
        relay.next(RecordingRelay.Next.ACCEPT_THEN_KILL);
        assertThrows(RecordingRelay.ServerKilled.class, () -> notifications.deliver(request, 1, queued));
        assertFalse(delivery().orElseThrow().isSent(), "claimed before the SMTP conversation, never marked sent");

        notifications.deliver(request, 2, queued);
        notifications.deliver(request, 3, queued);
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
        assertThrows(DeliveryPostponed.class, () -> notifications.deliver(request, 1, queued));
        assertTrue(relay.accepted.isEmpty());
        assertTrue(delivery().isEmpty(), "nothing was sent, nothing is in doubt");
        assertEquals(1, outbox().size(), "a request tried again keeps its outbox row");

        notifications.deliver(request, 2, queued);
        assertEquals(1, relay.accepted.size());
        assertTrue(delivery().orElseThrow().isSent());
        assertTrue(outbox().isEmpty(), "done with: its outbox row goes");
    }

    @Test
    void aClaimALiveNodeHoldsIsLeftToItAndTakenOverOnceThatNodeIsGone() {
        nodeB(clinic.clock.instant().minusSeconds(60));
        clinic.inTransaction(() -> clinic.bean(NotificationDeliveryRepository.class)
                .add(new NotificationDelivery(
                        request.messageId(), request.recipient(), "node-b", clinic.clock.instant())));

        assertThrows(DeliveryPostponed.class, () -> notifications.deliver(request, 1, queued));
        assertTrue(relay.accepted.isEmpty(), "node-b may be in the SMTP conversation right now");
        assertEquals(1, outbox().size());

        clinic.later(Duration.ofSeconds(11));
        notifications.deliver(request, 2, queued);
        assertEquals(1, relay.accepted.size(), "node-b is gone: its claim is in doubt and sent again");
        assertEquals(Optional.of("missive"), delivery().orElseThrow().claimedBy());
        assertTrue(outbox().isEmpty());
    }

    @Test
    void aClaimOfANodeThatRestartedSinceIsInDoubt() {
        Instant claimed = clinic.clock.instant();
        clinic.inTransaction(() -> clinic.bean(NotificationDeliveryRepository.class)
                .add(new NotificationDelivery(request.messageId(), request.recipient(), "node-b", claimed)));
        clinic.later(Duration.ofSeconds(3));
        nodeB(clinic.clock.instant());

        notifications.deliver(request, 1, queued);
        assertEquals(1, relay.accepted.size(), "its run that claimed it is over");
    }

    @Test
    void theLastFailedAttemptIsADeadLetterThatAnAdminReplaysIntoTheOutbox() {
        relay.next(RecordingRelay.Next.REFUSE);
        notifications.deliver(request, LAST_ATTEMPT, queued);
        assertTrue(outbox().isEmpty(), "done with: a dead letter");

        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
        NotificationDeadLetters deadLetters = clinic.bean(NotificationDeadLetters.class);
        assertEquals(
                List.of(new DeadLetter(
                        request.messageId(), request.conversationId(), request.recipient(), LAST_ATTEMPT, queued)),
                deadLetters.list());

        clinic.published.clear();
        // The container's persistence contexts last a transaction; the tests' one would still hold the relayed row.
        clinic.bean(EntityManager.class).clear();
        clinic.inTransaction(() -> assertEquals(1, deadLetters.replay()));
        assertTrue(deadLetters.list().isEmpty());
        assertEquals(List.of(request), clinic.published, "back in the outbox, relayed after the commit");
        notifications.deliver(request, 1, queued);
        assertEquals(1, relay.accepted.size());
    }

    @Test
    void anEmailTheRelayTookWhileTheDatabaseWentAwayIsMarkedSentOnItsRedeliveryNotSentAgain() {
        DeliveryClaims database = notifications.claims;
        notifications.claims = new DeliveryClaims() {
            private boolean away = true;

            @Override
            public DeliveryClaim claim(NotificationRequested request) {
                return database.claim(request);
            }

            @Override
            public void sent(NotificationRequested request) {
                if (away) {
                    away = false;
                    throw new IllegalStateException("the database went away");
                }
                database.sent(request);
            }

            @Override
            public void release(NotificationRequested request) {
                database.release(request);
            }
        };
        assertThrows(DeliveryPostponed.class, () -> notifications.deliver(request, 1, queued));
        notifications.deliver(request, 2, queued);
        assertEquals(1, relay.accepted.size());
        assertTrue(delivery().orElseThrow().isSent());
    }

    @Test
    void anAddressThatIsNotAnEmailAddressIsADeadLetterAtTheFirstAttempt() {
        clinic.practitioners.find("drlee").orElseThrow().setEmail("not an address");
        notifications.deliver(request, 1, queued);
        assertEquals(
                List.of(request),
                clinic.bean(FailedNotificationRepository.class).oldest(10).stream()
                        .map(FailedNotification::request)
                        .toList());
        assertTrue(outbox().isEmpty(), "done with: no redelivery");
        assertTrue(relay.accepted.isEmpty());
    }

    @Test
    void aClaimHeldElsewhereAtTheLastAttemptIsADeadLetterToo() {
        nodeB(clinic.clock.instant().minusSeconds(60));
        clinic.inTransaction(() -> clinic.bean(NotificationDeliveryRepository.class)
                .add(new NotificationDelivery(
                        request.messageId(), request.recipient(), "node-b", clinic.clock.instant())));
        notifications.deliver(request, LAST_ATTEMPT, queued);
        assertEquals(
                1, clinic.bean(FailedNotificationRepository.class).oldest(10).size());
        assertTrue(relay.accepted.isEmpty());
    }

    private void nodeB(Instant started) {
        clinic.inTransaction(() -> {
            ClusterNode node = new ClusterNode("node-b", started);
            node.seen(clinic.clock.instant());
            clinic.bean(ClusterNodeRepository.class).add(node);
        });
    }

    private Optional<NotificationDelivery> delivery() {
        return clinic.bean(NotificationDeliveryRepository.class).find(request.messageId(), request.recipient());
    }

    private List<PendingNotification> outbox() {
        return clinic.bean(EntityManager.class)
                .createQuery("select p from PendingNotification p", PendingNotification.class)
                .getResultList();
    }
}
