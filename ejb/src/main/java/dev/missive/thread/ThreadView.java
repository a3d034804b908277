package dev.missive.thread;

/**
 * A thread as one person sees it: the thread and that person's own state in it (archived,
 * unread, last read). The state is null for callers who read threads without taking part,
 * such as the integration engine.
 */
public record ThreadView(Conversation conversation, Participant participant) {}
