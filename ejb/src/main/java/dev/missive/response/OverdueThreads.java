package dev.missive.response;

import dev.missive.cluster.Leases;
import dev.missive.policy.ClinicHours;
import dev.missive.thread.Conversation;
import dev.missive.thread.NotificationPublisher;
import dev.missive.thread.NotificationRequested;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Escalates threads past their due time to the clinic admins, once each: the escalation row and
 * the email's outbox row are one commit, so the email goes through the notifications' own
 * exactly-once path, and the row's key refuses a second escalation of the same wait, on this
 * node after a restart or on another. Runs every 10 seconds on the node that takes the period's
 * lease, a bounded batch at a time.
 */
@Singleton
@Startup
public class OverdueThreads {

    private static final Logger LOG = Logger.getLogger(OverdueThreads.class.getName());

    static final String LEASE_NAME = "overdue-escalation";

    /** Shorter than the 10 seconds between runs, far longer than a run. */
    private static final Duration LEASE = Duration.ofSeconds(5);

    private static final int BATCH = 200;

    @Inject
    Leases leases;

    @Inject
    ResponseRepository responses;

    @Inject
    NotificationPublisher notifications;

    @Inject
    ClinicHours hours;

    @Inject
    Clock clock;

    /** A clinic calendar that cannot be read stops the deployment, rather than the first patient's message. */
    @PostConstruct
    void checkCalendar() {
        hours.calendar();
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void escalate() {
        if (!leases.take(LEASE_NAME, LEASE)) {
            return;
        }
        escalateNow();
    }

    /** One batch, in the caller's transaction: what the schedule runs once it holds the lease. */
    public int escalateNow() {
        Instant now = clock.instant();
        int escalated = 0;
        for (Conversation thread : responses.overdueNotEscalated(now, BATCH)) {
            responses.add(new Escalation(thread.getAwaitingMessageId(), thread.getId(), now));
            notifications.publish(NotificationRequested.overdue(
                    thread.getAwaitingMessageId(), thread.getId(), thread.practitioner()));
            escalated++;
        }
        if (escalated > 0) {
            LOG.info("Escalated " + escalated + " overdue threads to the clinic admins");
        }
        return escalated;
    }
}
