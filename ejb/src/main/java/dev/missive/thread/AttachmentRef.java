package dev.missive.thread;

/** A message's reference to an uploaded file, with the title the sender gives it. */
public record AttachmentRef(String id, String title) {}
