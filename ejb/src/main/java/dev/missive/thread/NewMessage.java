package dev.missive.thread;

import dev.missive.domain.Party;
import java.util.List;

/**
 * A message to send (or save as a draft) into a thread, optionally answering an earlier one,
 * carrying any number of uploaded files, with the sender the request names, if any (null: the
 * caller, as always recorded).
 */
public record NewMessage(
        String conversationId,
        String text,
        String inResponseTo,
        boolean draft,
        List<AttachmentRef> attachments,
        Party sender) {

    public NewMessage {
        attachments = List.copyOf(attachments);
    }

    public NewMessage(
            String conversationId, String text, String inResponseTo, boolean draft, List<AttachmentRef> attachments) {
        this(conversationId, text, inResponseTo, draft, attachments, null);
    }

    public NewMessage(String conversationId, String text, String inResponseTo, boolean draft) {
        this(conversationId, text, inResponseTo, draft, List.of());
    }

    public NewMessage(String conversationId, String text, String inResponseTo) {
        this(conversationId, text, inResponseTo, false);
    }
}
