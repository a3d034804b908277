package dev.missive.attachment;

import dev.missive.cluster.Leases;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Uploads that no message carried within a day are deleted, records and bytes: someone picked
 * a file and never sent it. Runs every hour, a bounded batch at a time, on one node of the
 * cluster: the node that takes the hour's lease (two nodes deleting the same records at once
 * would fail each other's batch).
 */
@Singleton
public class AbandonedUploads {

    /** How long an upload waits for a message to carry it. */
    static final Duration KEPT = Duration.ofHours(24);

    private static final int BATCH = 500;

    /** Shorter than the hour between runs, far longer than a run. */
    private static final Duration LEASE = Duration.ofMinutes(30);

    @Inject
    Leases leases;

    @Inject
    AttachmentRepository attachments;

    @Inject
    AttachmentFiles files;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void deleteAbandoned() {
        if (!leases.take("abandoned-uploads", LEASE)) {
            return;
        }
        attachments.unattachedBefore(clock.instant().minus(KEPT), BATCH).forEach(files::forget);
    }
}
