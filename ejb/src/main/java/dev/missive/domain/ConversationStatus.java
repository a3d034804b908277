package dev.missive.domain;

/** Where a thread is in its life: a draft, open for messages, or closed. */
public enum ConversationStatus {
    DRAFT,
    OPEN,
    CLOSED
}
