package dev.missive.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditCommitterTest {

    private static final Duration PATIENT = Duration.ofSeconds(20);

    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final ExecutorService requests = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        writers.shutdownNow();
        requests.shutdownNow();
    }

    @Test
    void everyRecordOfManyConcurrentRequestsIsCommittedOnceBeforeItsRequestGoesOn() throws Exception {
        int threads = 16;
        int each = 40;
        Set<AuditRecord> committed = ConcurrentHashMap.newKeySet();
        List<List<AuditRecord>> batches = new CopyOnWriteArrayList<>();
        AuditCommitter committer = new AuditCommitter(
                batch -> {
                    pause(2);
                    batches.add(batch);
                    committed.addAll(batch);
                },
                writers,
                PATIENT);
        List<AuditRecord> notYetCommittedWhenReleased = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(requests.submit(() -> {
                for (int i = 0; i < each; i++) {
                    AuditRecord record = record(200);
                    committer.commit(record);
                    if (!committed.contains(record)) {
                        notYetCommittedWhenReleased.add(record);
                    }
                }
            }));
        }
        for (Future<?> request : done) {
            request.get(1, TimeUnit.MINUTES);
        }

        List<AuditRecord> written = batches.stream().flatMap(List::stream).toList();
        assertEquals(threads * each, written.size(), "every record written");
        assertEquals(threads * each, new HashSet<>(written).size(), "none twice");
        assertEquals(List.of(), notYetCommittedWhenReleased, "no request goes on before its commit");
        assertTrue(batches.size() < threads * each, () -> "requests share commits: " + batches.size() + " commits");
    }

    @Test
    void aRecordThatArrivesDuringACommitGoesInTheNext() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<AuditRecord>> batches = new CopyOnWriteArrayList<>();
        AuditCommitter committer = new AuditCommitter(
                batch -> {
                    firstStarted.countDown();
                    await(release);
                    batches.add(batch);
                },
                writers,
                PATIENT);
        AuditRecord first = record(200);
        AuditRecord second = record(404);

        Future<?> firstRequest = requests.submit(() -> committer.commit(first));
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS), "an idle committer writes the first record at once");
        Future<?> secondRequest = requests.submit(() -> committer.commit(second));
        pause(100);
        assertFalse(secondRequest.isDone(), "the second waits for a commit of its own");
        release.countDown();
        firstRequest.get(10, TimeUnit.SECONDS);
        secondRequest.get(10, TimeUnit.SECONDS);

        assertEquals(List.of(List.of(first), List.of(second)), batches);
    }

    @Test
    void aFailedCommitFailsItsRequestsAndTheNextCommitIsTried() {
        List<AuditRecord> written = new CopyOnWriteArrayList<>();
        AtomicBoolean down = new AtomicBoolean(true);
        AuditCommitter committer = new AuditCommitter(
                batch -> {
                    if (down.get()) {
                        throw new IllegalStateException("database down");
                    }
                    written.addAll(batch);
                },
                writers,
                PATIENT);

        AuditNotWrittenException refused =
                assertThrows(AuditNotWrittenException.class, () -> committer.commit(record(200)));
        assertInstanceOf(IllegalStateException.class, refused.getCause());

        down.set(false);
        AuditRecord later = record(200);
        committer.commit(later);
        assertEquals(List.of(later), written);
    }

    @Test
    void aStuckDatabaseIsAFailureAfterTheTimeoutAndARecordStillQueuedIsNeverWritten() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<AuditRecord> written = new CopyOnWriteArrayList<>();
        AuditCommitter committer = new AuditCommitter(
                batch -> {
                    await(release);
                    written.addAll(batch);
                },
                writers,
                Duration.ofMillis(300));
        AuditRecord stuck = record(200);
        AuditRecord queuedBehind = record(200);

        Future<?> first = requests.submit(() -> committer.commit(stuck));
        pause(50);
        long start = System.nanoTime();
        assertThrows(AuditNotWrittenException.class, () -> committer.commit(queuedBehind));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 300 && waitedMillis < 5_000, () -> "waited " + waitedMillis + " ms");
        Exception firstRefused = assertThrows(Exception.class, () -> first.get(10, TimeUnit.SECONDS));
        assertInstanceOf(AuditNotWrittenException.class, firstRefused.getCause());

        release.countDown();
        AuditRecord afterwards = record(200);
        committer.commit(afterwards);
        assertFalse(written.contains(queuedBehind), "a record whose request gave up while it was queued");
        assertTrue(written.contains(afterwards));
    }

    @Test
    void noThreadToWriteIsAFailureAtOnce() {
        AuditCommitter committer = new AuditCommitter(
                batch -> {
                    throw new AssertionError("nothing to write");
                },
                command -> {
                    throw new RejectedExecutionException("shut down");
                },
                PATIENT);
        assertThrows(AuditNotWrittenException.class, () -> committer.commit(record(200)));
    }

    private static AuditRecord record(int status) {
        return new AuditRecord(
                Instant.parse("2026-12-04T06:00:00Z"),
                AuditAgent.UNKNOWN,
                new AuditAccess("read", "Communication", "c1", null, null, status, "127.0.0.1", null, null));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
