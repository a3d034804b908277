package dev.missive.service;

import dev.missive.domain.Attachment;
import dev.missive.domain.AttachmentRepository;
import dev.missive.domain.AttachmentStore;
import dev.missive.domain.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which files a message carries. A sender attaches only files they uploaded themselves that no
 * other message carries; what the message says about a file (type, size, hash) is always the
 * server's record of it. Retracting a message deletes its files for good.
 */
@ApplicationScoped
public class MessageAttachments {

    private static final Logger LOG = Logger.getLogger(MessageAttachments.class.getName());

    @Inject
    AttachmentRepository attachments;

    @Inject
    AttachmentStore store;

    @Inject
    PolicyService policies;

    @Inject
    AfterCompletion afterCompletion;

    /** Makes the message (new, or a draft being edited) carry exactly these files. */
    public void carry(Caller caller, Message message, List<AttachmentRef> refs) {
        if (!refs.isEmpty() && !policies.current().isAttachmentsAllowed()) {
            throw attachmentsDisabled();
        }
        message.detachAll();
        Set<String> seen = new LinkedHashSet<>();
        for (AttachmentRef ref : refs) {
            if (!seen.add(ref.id())) {
                throw new InvalidRequestException("A message carries each attachment once");
            }
            Attachment attachment = attachments.find(ref.id())
                    .filter(found -> found.getUploader().equals(caller.username()) && found.getMessageId() == null)
                    .orElseThrow(() -> new InvalidRequestException(
                            "Binary/" + ref.id() + " is not a file you uploaded that no other message carries"));
            message.attach(attachment, checkedTitle(ref.title()));
        }
    }

    /** The message is retracted: its files go, records and bytes (the bytes once that is committed). */
    public void discard(Message message) {
        message.detachAll().forEach(this::forget);
    }

    /** Deletes the record now and the bytes once that is committed. */
    void forget(Attachment attachment) {
        attachments.remove(attachment);
        afterCompletion.onCommit(() -> deleteQuietly(attachment.getId()));
    }

    /** Deletes stored bytes after the fact; a failure leaves an orphan file, never a visible attachment. */
    void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Could not delete attachment content " + key, e);
        }
    }

    static RuleViolationException attachmentsDisabled() {
        return new RuleViolationException("attachments-disabled", "The clinic does not accept attachments");
    }

    private static String checkedTitle(String raw) {
        String title = raw == null || raw.isBlank() ? null : raw.strip();
        if (title != null && title.length() > Attachment.MAX_TITLE_LENGTH) {
            throw new InvalidRequestException("An attachment's title is at most " + Attachment.MAX_TITLE_LENGTH
                    + " characters");
        }
        return title;
    }
}
