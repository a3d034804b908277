package dev.missive.thread;

/** Where a thread is in its life: a draft, open for messages, or closed. */
public enum ConversationStatus {
    DRAFT,
    OPEN,
    CLOSED
}
