package dev.missive.attachment;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Uploads that no message carried within a day are deleted, records and bytes: someone picked
 * a file and never sent it. Runs every hour, a bounded batch at a time.
 */
@Singleton
public class AbandonedUploads {

    /** How long an upload waits for a message to carry it. */
    static final Duration KEPT = Duration.ofHours(24);

    private static final int BATCH = 500;

    @Inject
    AttachmentRepository attachments;

    @Inject
    AttachmentFiles files;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void deleteAbandoned() {
        attachments.unattachedBefore(clock.instant().minus(KEPT), BATCH).forEach(files::forget);
    }
}
