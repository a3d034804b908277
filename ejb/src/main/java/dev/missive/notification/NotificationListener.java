package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Instant;

/**
 * Unwraps a notification request and hands it to the service with its attempt number (Artemis's
 * delivery count); a failure rolls back for redelivery.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = NotificationQueue.NAME),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class NotificationListener implements MessageListener {

    @Inject
    NotificationService notifications;

    @Override
    public void onMessage(Message message) {
        try {
            notifications.deliver(
                    message.getBody(NotificationRequested.class),
                    message.getIntProperty("JMSXDeliveryCount"),
                    Instant.ofEpochMilli(message.getJMSTimestamp()));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable notification request", e);
        }
    }
}
