package dev.missive.domain;

/** One row of a message history: a thread and one of its messages, or the thread alone (null message). */
public record ThreadMessage(Conversation thread, Message message) {
}
