package dev.missive.notification;

/** Where a notification goes, and the locale that picks its emergency number. */
public record Recipient(String email, String locale) {}
