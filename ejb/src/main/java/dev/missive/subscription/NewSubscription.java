package dev.missive.subscription;

/** What an integration engine asks for: where to post, which messages, and a heartbeat period in seconds (null: none). */
public record NewSubscription(String endpoint, MessageFilter filter, Integer heartbeatSeconds) {}
