package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * The JMS queue the listener delivers from, and its dead-letter queue; a send joins the caller's
 * transaction.
 */
@ApplicationScoped
public class NotificationQueue {

    public static final String NAME = "java:/jms/queue/MissiveNotifications";
    public static final String DEAD_LETTERS = "java:/jms/queue/MissiveNotificationsDLQ";

    @Inject
    JMSContext jms;

    @Resource(lookup = NAME)
    Queue queue;

    @Resource(lookup = DEAD_LETTERS)
    Queue deadLetters;

    public void send(NotificationRequested request) {
        jms.createProducer().send(queue, request);
    }

    /** Moves a message nothing can read to the dead-letter queue, as it is, for an operator to look at. */
    public void deadLetter(Message message) {
        jms.createProducer().send(deadLetters, message);
    }
}
