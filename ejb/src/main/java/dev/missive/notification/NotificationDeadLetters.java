package dev.missive.notification;

import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.thread.NotificationRequested;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The notification requests Artemis moved to the dead-letter queue after the last attempt, for
 * a clinic admin to see and to send again once the mail relay works. Listing browses the queue
 * without taking anything; replaying moves requests back to the notification queue in one
 * transaction, so that none is lost or doubled by a failure half-way.
 */
@Stateless
public class NotificationDeadLetters {

    public static final String QUEUE = "java:/jms/queue/MissiveNotificationsDLQ";

    /** At most this many are listed or replayed per call: one transaction stays short. */
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(NotificationDeadLetters.class.getName());
    private static final long RECEIVE_WAIT_MS = 200;

    @Inject
    CallerContext callers;

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue deadLetters;

    @Resource(lookup = NotificationQueue.NAME)
    Queue notifications;

    /** Artemis dead-letters a request only after the configured attempts, the same setting. */
    @Inject
    @ConfigProperty(name = "missive.notify.max.attempts", defaultValue = "6")
    int maxAttempts;

    public List<DeadLetter> list() {
        requireClinicAdmin();
        List<DeadLetter> listed = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(deadLetters)) {
            Enumeration<?> queued = browser.getEnumeration();
            while (listed.size() < BATCH && queued.hasMoreElements()) {
                Message message = (Message) queued.nextElement();
                NotificationRequested request = message.getBody(NotificationRequested.class);
                listed.add(new DeadLetter(
                        request.messageId(),
                        request.conversationId(),
                        request.recipient(),
                        maxAttempts,
                        Instant.ofEpochMilli(message.getJMSTimestamp())));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("The dead-letter queue cannot be read", e);
        }
        return listed;
    }

    /** Moves the dead letters back to the notification queue; answers how many. */
    public int replay() {
        requireClinicAdmin();
        int replayed = 0;
        try (JMSConsumer consumer = jms.createConsumer(deadLetters)) {
            Message message;
            while (replayed < BATCH && (message = consumer.receive(RECEIVE_WAIT_MS)) != null) {
                jms.createProducer().send(notifications, message.getBody(NotificationRequested.class));
                replayed++;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("The dead-letter queue cannot be read", e);
        }
        LOG.info("Replayed " + replayed + " dead-lettered notification requests");
        return replayed;
    }

    private void requireClinicAdmin() {
        if (!callers.current().has(Role.CLINIC_ADMIN)) {
            throw new ForbiddenException("Only a clinic admin sees and replays failed notifications");
        }
    }
}
