package dev.missive.thread;

import dev.missive.domain.Party;
import java.util.List;

/**
 * A message to send (or save as a draft) into a thread, optionally answering an earlier one,
 * carrying any number of uploaded files, with the sender the request names, if any (null: the
 * caller, as always recorded). With formatted text (Missive's Markdown subset), the plain text is
 * derived from it and {@code text} is not used.
 */
public record NewMessage(
        String conversationId,
        String text,
        String inResponseTo,
        boolean draft,
        List<AttachmentRef> attachments,
        Party sender,
        String formattedText) {

    public NewMessage {
        attachments = List.copyOf(attachments);
    }

    public NewMessage(
            String conversationId,
            String text,
            String inResponseTo,
            boolean draft,
            List<AttachmentRef> attachments,
            Party sender) {
        this(conversationId, text, inResponseTo, draft, attachments, sender, null);
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
