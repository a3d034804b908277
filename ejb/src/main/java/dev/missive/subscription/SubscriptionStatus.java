package dev.missive.subscription;

/** Where a subscription stands: waiting for its handshake, delivering, or given up on after failing. */
public enum SubscriptionStatus {
    REQUESTED,
    ACTIVE,
    ERROR
}
