package dev.missive.export;

import dev.missive.thread.Conversation;
import dev.missive.thread.Message;

/** One row of a message history: a thread and one of its messages, or the thread alone (null message). */
public record ThreadMessage(Conversation thread, Message message) {}
