package dev.missive.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays the outbox to this node's queue. Woken after each commit that wrote to it, it relays at
 * once on one background thread, in batches; wakes that come while it runs make it look again
 * rather than start another, so a busy server relays many requests per transaction. What a
 * crash or another node left behind is picked up by {@link OutboxSweep}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    static final int BATCH = 100;

    @Resource
    ManagedExecutorService executor;

    @Inject
    OutboxBatch batch;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    public void wake() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false)) {
                while (batch.relay(BATCH) == BATCH) {
                    // a full batch: more may be waiting
                }
            }
        } catch (RuntimeException e) {
            // The requests stay in the outbox and the sweep tries again. The cause's class only at
            // WARNING: a database message could quote the rows' ids.
            LOG.warning(
                    "Relaying notification requests failed (" + e.getClass().getName() + "); they stay in the outbox");
            LOG.log(Level.FINE, "Relay failure", e);
        } finally {
            running.set(false);
        }
        if (wanted.get()) {
            wake();
        }
    }
}
