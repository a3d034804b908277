package dev.missive.thread;

/** A message is a private draft, sent, or retracted (its text gone for good). */
public enum MessageStatus {
    DRAFT,
    SENT,
    RETRACTED
}
