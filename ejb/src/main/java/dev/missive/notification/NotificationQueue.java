package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/** The JMS queue the listener delivers from; a send joins the caller's transaction. */
@ApplicationScoped
public class NotificationQueue {

    public static final String NAME = "java:/jms/queue/MissiveNotifications";

    @Inject
    JMSContext jms;

    @Resource(lookup = NAME)
    Queue queue;

    public void send(NotificationRequested request) {
        jms.createProducer().send(queue, request);
    }
}
