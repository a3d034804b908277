package dev.missive.notification;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Relays what no wake-up will: requests left in the outbox by a crash between commit and relay,
 * by a failed relay, committed on a node that died, or relayed to the queue of a node now gone.
 * Runs at start-up and every few seconds on every node, with no lease: rows are claimed with
 * FOR UPDATE SKIP LOCKED, so the relays share the rows and never relay the same one at once.
 */
@Singleton
@Startup
public class OutboxSweep {

    @Inject
    OutboxRelay relay;

    @PostConstruct
    void atStartUp() {
        relay.wake();
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        relay.wake();
    }
}
