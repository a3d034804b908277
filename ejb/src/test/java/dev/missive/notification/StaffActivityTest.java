package dev.missive.notification;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.transaction.RollbackException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StaffActivityTest {

    @Test
    void aWriteThatFailsToCommitNeverFailsTheRequest() {
        StaffActivity activity = new StaffActivity();
        activity.clock = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC);
        activity.activeMinutes = 5;
        activity.activity = new StaffActivityRepository() {
            @Override
            public Optional<Instant> lastSeen(String practitionerId) {
                return Optional.empty();
            }

            @Override
            public void seen(String practitionerId, Instant at) {
                // Two nodes inserting a practitioner's first row at once: the proxy of the
                // write's own transaction throws the checked exception as it is.
                throwUnchecked(new RollbackException("duplicate key"));
            }
        };

        assertDoesNotThrow(() -> activity.seen("drlee"));
        assertFalse(activity.isActive("drlee"), "not recorded: errs on the side of emailing");
    }

    @Test
    void concurrentRequestsOfOnePractitionerMakeOneWrite() throws Exception {
        StaffActivity activity = new StaffActivity();
        activity.clock = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC);
        activity.activeMinutes = 5;
        AtomicInteger writes = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        activity.activity = new StaffActivityRepository() {
            @Override
            public Optional<Instant> lastSeen(String practitionerId) {
                return Optional.empty();
            }

            @Override
            public void seen(String practitionerId, Instant at) {
                writes.incrementAndGet();
                sleep(); // a write in progress while the other requests arrive
            }
        };
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                done.add(requests.submit(() -> {
                    start.await();
                    activity.seen("drlee");
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> request : done) {
                request.get();
            }
        } finally {
            requests.shutdown();
        }

        assertEquals(1, writes.get(), "one request writes, the others see it claimed");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
        throw (T) t;
    }
}
