package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Unwraps a notification request and hands it to the service with its attempt number (Artemis's
 * delivery count); a failure rolls back for redelivery. A message whose body is not a request
 * (another version's, or not Missive's) never will be: it goes to the dead-letter queue at once,
 * in the same transaction, rather than through every redelivery first.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = NotificationQueue.NAME),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class NotificationListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(NotificationListener.class.getName());

    @Inject
    NotificationService notifications;

    @Inject
    NotificationQueue queue;

    @Override
    public void onMessage(Message message) {
        NotificationRequested request;
        try {
            request = message.getBody(NotificationRequested.class);
            if (request == null) {
                throw new MessageFormatException("No body");
            }
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "Notification message " + messageId(message) + " is unreadable ("
                    + e.getClass().getSimpleName() + "): moved to the dead-letter queue");
            queue.deadLetter(message);
            return;
        }
        try {
            notifications.deliver(
                    request,
                    message.getIntProperty("JMSXDeliveryCount"),
                    Instant.ofEpochMilli(message.getJMSTimestamp()));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable delivery count or time", e);
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
