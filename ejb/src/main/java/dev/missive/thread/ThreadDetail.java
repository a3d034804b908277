package dev.missive.thread;

/** The details of an open thread that its patient side may change. */
public enum ThreadDetail {
    SUBJECT,
    RECIPIENT,
    MESSAGE_TYPE,
    REGARDING
}
