package dev.missive.service;

import dev.missive.domain.Message;
import dev.missive.domain.ThreadView;

/** What was marked read: one message of the thread, or the whole thread when {@code message} is null. */
public record MarkedRead(ThreadView thread, Message message) {
}
