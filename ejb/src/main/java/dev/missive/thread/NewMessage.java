package dev.missive.thread;

import java.util.List;

/**
 * A message to send (or save as a draft) into a thread, optionally answering an earlier one,
 * carrying any number of uploaded files.
 */
public record NewMessage(
        String conversationId, String text, String inResponseTo, boolean draft, List<AttachmentRef> attachments) {

    public NewMessage {
        attachments = List.copyOf(attachments);
    }

    public NewMessage(String conversationId, String text, String inResponseTo, boolean draft) {
        this(conversationId, text, inResponseTo, draft, List.of());
    }

    public NewMessage(String conversationId, String text, String inResponseTo) {
        this(conversationId, text, inResponseTo, false);
    }
}
