package dev.missive.thread;

import dev.missive.attachment.Attachment;
import dev.missive.attachment.AttachmentFiles;
import dev.missive.attachment.AttachmentRepository;
import dev.missive.attachment.ContentRules;
import dev.missive.policy.PolicyService;
import dev.missive.security.Caller;
import dev.missive.service.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which files a message carries. A sender attaches only files they uploaded themselves that no
 * other message carries; what the message says about a file (type, size, hash) is always the
 * server's record of it. Retracting a message deletes its files for good.
 */
@ApplicationScoped
public class MessageAttachments {

    @Inject
    AttachmentRepository attachments;

    @Inject
    AttachmentFiles files;

    @Inject
    PolicyService policies;

    /** Makes the message (new, or a draft being edited) carry exactly these files. */
    public void carry(Caller caller, Message message, List<AttachmentRef> refs) {
        if (!refs.isEmpty() && !policies.current().isAttachmentsAllowed()) {
            throw ContentRules.attachmentsDisabled();
        }
        message.detachAll();
        Set<String> seen = new LinkedHashSet<>();
        for (AttachmentRef ref : refs) {
            if (!seen.add(ref.id())) {
                throw new InvalidRequestException("A message carries each attachment once");
            }
            Attachment attachment = attachments
                    .find(ref.id())
                    .filter(found -> found.getUploader().equals(caller.username()) && found.getMessageId() == null)
                    .orElseThrow(() -> new InvalidRequestException(
                            "Binary/" + ref.id() + " is not a file you uploaded that no other message carries"));
            message.attach(attachment, checkedTitle(ref.title()));
        }
    }

    /** The message is retracted: its files go, records and bytes (the bytes once that is committed). */
    public void discard(Message message) {
        message.detachAll().forEach(files::forget);
    }

    private static String checkedTitle(String raw) {
        String title = raw == null || raw.isBlank() ? null : raw.strip();
        if (title != null && title.length() > Attachment.MAX_TITLE_LENGTH) {
            throw new InvalidRequestException(
                    "An attachment's title is at most " + Attachment.MAX_TITLE_LENGTH + " characters");
        }
        return title;
    }
}
