package dev.missive.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.cluster.ClusterNode;
import dev.missive.cluster.ClusterNodeRepository;
import dev.missive.domain.Party;
import dev.missive.service.InvalidRequestException;
import dev.missive.testing.TestClinic;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NotificationRequested;
import dev.missive.thread.SendingService;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sent message's notification requests are committed with it in the outbox and reach the
 * queue once it commits; a refused message leaves nothing behind. A relayed request stays in the
 * outbox, marked relayed by this node, and is relayed again only once its relaying node is gone.
 * The test clinic runs the real outbox and relay (on the test's own thread) up to a stub of the
 * JMS queue; this node has the default name, the others' rows are written as they would.
 */
class OutboxTest {

    private final TestClinic clinic = new TestClinic();
    private final List<NotificationRequested> queued = clinic.published;

    @Test
    void aSentMessagesRequestsReachTheQueueOnceItCommitsAndStayInTheOutboxMarkedRelayed() {
        String thread = clinic.start("alice", "drlee");
        String message = clinic.bean(SendingService.class)
                .send(new NewMessage(thread, "Hello", null))
                .getId();
        assertEquals(List.of(new NotificationRequested(message, thread, Party.practitioner("drlee"))), queued);
        assertEquals(List.of("missive"), relayedBy(), "kept until delivered, as relayed by this node");
        assertEquals(0, clinic.bean(OutboxBatch.class).relay(OutboxRelay.BATCH), "never relayed twice by its node");
    }

    @Test
    void aRefusedMessageLeavesNothingToRelay() {
        String thread = clinic.start("alice", "drlee");
        assertThrows(
                InvalidRequestException.class,
                () -> clinic.bean(SendingService.class).send(new NewMessage(thread, "x".repeat(100_000), null)));
        assertTrue(queued.isEmpty());
        assertTrue(relayedBy().isEmpty());
    }

    @Test
    void whatARelayLeftBehindIsRelayedInBatchesOldestFirst() {
        List<NotificationRequested> left = new ArrayList<>();
        clinic.inTransaction(() -> {
            for (int i = 0; i < OutboxRelay.BATCH + 5; i++) {
                NotificationRequested request =
                        new NotificationRequested("message-" + i, "thread", Party.patient("alice"));
                clinic.bean(PendingNotificationRepository.class)
                        .add(new PendingNotification(request, clinic.clock.instant()));
                left.add(request);
                clinic.later(Duration.ofMillis(1));
            }
        });
        assertEquals(OutboxRelay.BATCH, clinic.bean(OutboxBatch.class).relay(OutboxRelay.BATCH));
        assertEquals(left.subList(0, OutboxRelay.BATCH), queued, "the oldest first");
        clinic.bean(OutboxRelay.class).wake();
        assertEquals(left, queued);
        assertEquals(0, clinic.bean(OutboxBatch.class).relay(OutboxRelay.BATCH));
    }

    @Test
    void aRequestOnTheQueueOfANodeNowGoneIsRelayedAgainOnceAndOneOfALiveNodeIsNot() {
        NotificationRequested onB = new NotificationRequested("message-b", "thread", Party.patient("alice"));
        NotificationRequested onC = new NotificationRequested("message-c", "thread", Party.patient("alice"));
        clinic.inTransaction(() -> {
            for (String node : List.of("node-b", "node-c")) {
                clinic.bean(ClusterNodeRepository.class).add(new ClusterNode(node, clinic.clock.instant()));
                PendingNotification pending =
                        new PendingNotification(node.equals("node-b") ? onB : onC, clinic.clock.instant());
                pending.relayedBy(node, clinic.clock.instant());
                clinic.bean(PendingNotificationRepository.class).add(pending);
            }
        });
        assertEquals(0, clinic.bean(OutboxBatch.class).relay(OutboxRelay.BATCH), "both on a live node's queue");

        clinic.later(Duration.ofSeconds(11));
        clinic.inTransaction(() -> clinic.bean(ClusterNodeRepository.class)
                .find("node-b")
                .orElseThrow()
                .seen(clinic.clock.instant()));
        clinic.bean(OutboxRelay.class).wake();
        assertEquals(List.of(onC), queued, "node-c is gone, node-b beats on");
        assertEquals(List.of("missive", "node-b"), relayedBy());
        clinic.bean(OutboxRelay.class).wake();
        assertEquals(List.of(onC), queued, "relayed again once: it is on this live node's queue now");
    }

    @Test
    void aRowOfAKindThisVersionCannotReadIsLeftAsideAndHoldsNothingUp() {
        clinic.inTransaction(() -> clinic.bean(EntityManager.class)
                .createNativeQuery("insert into pending_notification (message_id, party_type, party_id,"
                        + " conversation_id, requested) values ('poison', 'GROUP', 'g1', 'thread', current_timestamp)")
                .executeUpdate());
        NotificationRequested next = new NotificationRequested("message-1", "thread", Party.patient("alice"));
        clinic.inTransaction(() -> clinic.bean(PendingNotificationRepository.class)
                .add(new PendingNotification(next, clinic.clock.instant())));
        clinic.bean(OutboxRelay.class).wake();
        assertEquals(List.of(next), queued);
        assertEquals(
                1,
                ((Number) clinic.bean(EntityManager.class)
                                .createNativeQuery(
                                        "select count(*) from pending_notification where message_id = 'poison'")
                                .getSingleResult())
                        .intValue(),
                "kept, for a node that reads it");
    }

    /** The relaying node of each row of the outbox, by name. */
    private List<String> relayedBy() {
        return clinic
                .bean(EntityManager.class)
                .createQuery("select p from PendingNotification p", PendingNotification.class)
                .getResultList()
                .stream()
                .map(PendingNotification::getRelayedBy)
                .sorted()
                .toList();
    }
}
