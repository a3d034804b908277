package dev.missive.service;

/** A message to send into a thread, optionally answering an earlier one. */
public record NewMessage(String conversationId, String text, String inResponseTo) {
}
