package dev.missive.subscription;

/** What a notification to a subscriber is (the backport IG's notification types). */
public enum NotificationType {
    HANDSHAKE,
    HEARTBEAT,
    EVENT_NOTIFICATION,
    QUERY_STATUS,
    QUERY_EVENT
}
