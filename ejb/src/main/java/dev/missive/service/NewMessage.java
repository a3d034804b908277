package dev.missive.service;

/** A message to send (or save as a draft) into a thread, optionally answering an earlier one. */
public record NewMessage(String conversationId, String text, String inResponseTo, boolean draft) {

    public NewMessage(String conversationId, String text, String inResponseTo) {
        this(conversationId, text, inResponseTo, false);
    }
}
