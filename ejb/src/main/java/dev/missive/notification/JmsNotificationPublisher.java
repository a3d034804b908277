package dev.missive.notification;

import dev.missive.thread.NotificationPublisher;
import dev.missive.thread.NotificationRequested;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * Sends through the container's JMSContext, which joins the JTA transaction of the message
 * write (the default connection factory is Artemis' XA pooled factory).
 */
@ApplicationScoped
public class JmsNotificationPublisher implements NotificationPublisher {

    public static final String QUEUE = "java:/jms/queue/MissiveNotifications";

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Override
    public void publish(NotificationRequested request) {
        jms.createProducer().send(queue, request);
    }
}
