package dev.missive.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.domain.Party;
import dev.missive.service.InvalidRequestException;
import dev.missive.testing.TestClinic;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NotificationRequested;
import dev.missive.thread.SendingService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sent message's notification requests are committed with it in the outbox and reach the
 * queue once it commits; a refused message leaves nothing behind. The test clinic runs the real
 * outbox and relay (on the test's own thread) up to a stub of the JMS queue.
 */
class OutboxTest {

    private final TestClinic clinic = new TestClinic();
    private final List<NotificationRequested> queued = clinic.published;

    @Test
    void aSentMessagesRequestsReachTheQueueOnceItCommitsAndLeaveTheOutbox() {
        String thread = clinic.start("alice", "drlee");
        String message = clinic.bean(SendingService.class)
                .send(new NewMessage(thread, "Hello", null))
                .getId();
        assertEquals(List.of(new NotificationRequested(message, thread, Party.practitioner("drlee"))), queued);
        assertTrue(pending().isEmpty(), "relayed requests leave the outbox");
    }

    @Test
    void aRefusedMessageLeavesNothingToRelay() {
        String thread = clinic.start("alice", "drlee");
        assertThrows(
                InvalidRequestException.class,
                () -> clinic.bean(SendingService.class).send(new NewMessage(thread, "x".repeat(100_000), null)));
        assertTrue(queued.isEmpty());
        assertTrue(pending().isEmpty());
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
        assertTrue(pending().isEmpty());
    }

    private List<PendingNotification> pending() {
        List<PendingNotification> claimed = new ArrayList<>();
        clinic.inTransaction(() ->
                claimed.addAll(clinic.bean(PendingNotificationRepository.class).claim(1000)));
        return claimed;
    }
}
