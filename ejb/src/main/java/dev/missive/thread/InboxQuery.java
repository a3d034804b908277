package dev.missive.thread;

/**
 * Which threads an inbox holds, how it is narrowed, and where the page starts: right after
 * {@code after} when given (keyset paging), else at the offset the repository is asked for.
 */
public record InboxQuery(ThreadScope scope, InboxFilter filter, InboxCursor after) {}
