package dev.missive.service;

import dev.missive.domain.Message;
import dev.missive.domain.ThreadView;

/** A Communication looked up by id: a thread's header or one of its messages (the other is null). */
public record ThreadOrMessage(ThreadView thread, Message message) {

    static ThreadOrMessage of(ThreadView thread) {
        return new ThreadOrMessage(thread, null);
    }

    static ThreadOrMessage of(Message message) {
        return new ThreadOrMessage(null, message);
    }
}
