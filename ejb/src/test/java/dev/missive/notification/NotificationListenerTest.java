package dev.missive.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.missive.domain.Party;
import dev.missive.thread.NotificationRequested;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message whose body is no notification request goes to the dead-letter queue at once, and is
 * not handed on; a readable one is delivered with its attempt number and time.
 */
class NotificationListenerTest {

    private static final NotificationRequested REQUEST = new NotificationRequested("m1", "t1", Party.patient("alice"));

    private final List<Message> deadLettered = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();
    private final NotificationListener listener = new NotificationListener();

    NotificationListenerTest() {
        listener.queue = new NotificationQueue() {
            @Override
            public void deadLetter(Message message) {
                deadLettered.add(message);
            }
        };
        listener.notifications = new NotificationService() {
            @Override
            public void deliver(NotificationRequested request, int attempt, Instant queued) {
                delivered.add(request.messageId() + " attempt " + attempt + " at " + queued.toEpochMilli());
            }
        };
    }

    @Test
    void aReadableRequestIsDeliveredWithItsAttemptAndTime() {
        listener.onMessage(message(REQUEST));

        assertEquals(List.of("m1 attempt 3 at 1000"), delivered);
        assertEquals(List.of(), deadLettered);
    }

    @Test
    void aBodyOfAnotherKindOrVersionOrNoneGoesToTheDeadLetterQueueAtOnce() {
        Message otherKind = message(new MessageFormatException("not an ObjectMessage of a request"));
        Message otherVersion = message(new IllegalStateException("class not found on deserialisation"));
        Message empty = message(null);

        for (Message poison : List.of(otherKind, otherVersion, empty)) {
            listener.onMessage(poison); // returns: the message is acknowledged, not redelivered
        }

        assertEquals(List.of(otherKind, otherVersion, empty), deadLettered);
        assertEquals(List.of(), delivered);
    }

    @Test
    void aFailedDeliveryIsLeftToRollBackForRedelivery() {
        listener.notifications = new NotificationService() {
            @Override
            public void deliver(NotificationRequested request, int attempt, Instant queued) {
                throw new DeliveryPostponed("SMTP down", null);
            }
        };

        assertThrows(DeliveryPostponed.class, () -> listener.onMessage(message(REQUEST)));
        assertEquals(List.of(), deadLettered);
    }

    /** A message whose body is {@code body}, or whose reading throws it if it is an exception. */
    private static Message message(Object body) {
        return (Message) Proxy.newProxyInstance(
                NotificationListenerTest.class.getClassLoader(),
                new Class<?>[] {Message.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getBody":
                            if (body instanceof Exception e) {
                                throw e;
                            }
                            return body;
                        case "getIntProperty":
                            return 3;
                        case "getJMSTimestamp":
                            return 1000L;
                        case "getJMSMessageID":
                            return "ID:1";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
