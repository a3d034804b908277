package dev.missive.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Group commit: {@link #commit} returns once the record is in a committed transaction. One
 * writer at a time takes every record waiting, saves them in one transaction and then releases
 * the requests that handed them over; records that arrive during a commit go in the next. The
 * first record after a quiet spell starts a writer at once: nothing waits for a timer, and under
 * load many requests share one commit.
 */
final class AuditCommitter {

    static final int BATCH = 500;

    private final Consumer<List<AuditRecord>> writer;
    private final Executor executor;
    private final Duration timeout;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    /**
     * {@code writer} saves a batch in one transaction, or throws; {@code executor} runs the
     * writer; a request waits at most {@code timeout} for its commit.
     */
    AuditCommitter(Consumer<List<AuditRecord>> writer, Executor executor, Duration timeout) {
        this.writer = writer;
        this.executor = executor;
        this.timeout = timeout;
    }

    /** Returns once {@code record} is committed; throws if the commit failed or did not end in time. */
    void commit(AuditRecord record) {
        Waiting waiting = new Waiting(record);
        queue.add(waiting);
        startWriter();
        try {
            waiting.committed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new AuditNotWrittenException("the commit failed", failed.getCause());
        } catch (TimeoutException late) {
            // Still queued: it never will be written. Already taken: its commit may yet succeed,
            // and the trail then holds a record of a request that was refused.
            queue.remove(waiting);
            throw new AuditNotWrittenException("no commit within " + timeout.toMillis() + " ms", late);
        } catch (InterruptedException interrupted) {
            queue.remove(waiting);
            Thread.currentThread().interrupt();
            throw new AuditNotWrittenException("interrupted while waiting for the commit", interrupted);
        }
    }

    private void startWriter() {
        if (writing.compareAndSet(false, true)) {
            try {
                executor.execute(this::write);
            } catch (RejectedExecutionException shuttingDown) {
                writing.set(false);
                throw new AuditNotWrittenException("no thread to write it (shutting down)", shuttingDown);
            }
        }
    }

    private void write() {
        try {
            List<Waiting> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                save(batch);
                batch.clear();
            }
        } finally {
            writing.set(false);
        }
        // a record queued after the last look, while this writer was still marked as running
        if (!queue.isEmpty()) {
            startWriter();
        }
    }

    private void save(List<Waiting> batch) {
        try {
            writer.accept(batch.stream().map(Waiting::record).toList());
        } catch (RuntimeException e) {
            batch.forEach(waiting -> waiting.committed.completeExceptionally(e));
            return;
        }
        batch.forEach(waiting -> waiting.committed.complete(null));
    }

    /** A record and the request waiting for its commit; equal only to itself. */
    private static final class Waiting {

        private final AuditRecord record;
        private final CompletableFuture<Void> committed = new CompletableFuture<>();

        Waiting(AuditRecord record) {
            this.record = record;
        }

        AuditRecord record() {
            return record;
        }
    }
}
