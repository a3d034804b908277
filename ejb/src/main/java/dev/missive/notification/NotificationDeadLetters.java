package dev.missive.notification;

import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.thread.NotificationPublisher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * The notification requests that failed their last attempt, for a clinic admin to see and to
 * send again once the mail relay works. The listener records them in the database, so that any
 * node lists and replays them whichever node's queue they failed on. Replaying puts them back
 * into the outbox in one transaction, so that none is lost or doubled by a failure half-way; a
 * replayed request whose email went out meanwhile sends nothing.
 */
@Stateless
public class NotificationDeadLetters {

    /** At most this many are listed or replayed per call: one transaction stays short. */
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(NotificationDeadLetters.class.getName());

    @Inject
    CallerContext callers;

    @Inject
    FailedNotificationRepository failed;

    @Inject
    NotificationPublisher outbox;

    public List<DeadLetter> list() {
        requireClinicAdmin();
        return failed.oldest(BATCH).stream().map(FailedNotification::deadLetter).toList();
    }

    /** Moves the dead letters back to the outbox; answers how many. */
    public int replay() {
        requireClinicAdmin();
        List<FailedNotification> replayed = failed.oldest(BATCH);
        for (FailedNotification deadLetter : replayed) {
            failed.remove(deadLetter);
            outbox.publish(deadLetter.request());
        }
        LOG.info("Replayed " + replayed.size() + " dead-lettered notification requests");
        return replayed.size();
    }

    private void requireClinicAdmin() {
        if (!callers.current().has(Role.CLINIC_ADMIN)) {
            throw new ForbiddenException("Only a clinic admin sees and replays failed notifications");
        }
    }
}
