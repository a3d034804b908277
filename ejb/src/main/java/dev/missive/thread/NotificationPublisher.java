package dev.missive.thread;

/** Queues a notification request in the caller's transaction: it is sent only if that commits. */
public interface NotificationPublisher {

    void publish(NotificationRequested request);
}
