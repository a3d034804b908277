package dev.missive.thread;

/**
 * A Communication a service answers with: one message ({@code message} non-null, with its
 * thread when the service has it at hand), or a thread's header ({@code message} null).
 */
public record ThreadOrMessage(ThreadView thread, Message message) {

    static ThreadOrMessage of(ThreadView thread) {
        return new ThreadOrMessage(thread, null);
    }

    static ThreadOrMessage of(Message message) {
        return new ThreadOrMessage(null, message);
    }
}
