package dev.missive.attachment;

import dev.missive.service.AfterCompletion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forgets uploaded files: the record at once, the bytes only once that is committed, so that a
 * rolled-back request never leaves a record whose bytes are gone.
 */
@ApplicationScoped
public class AttachmentFiles {

    private static final Logger LOG = Logger.getLogger(AttachmentFiles.class.getName());

    @Inject
    AttachmentRepository attachments;

    @Inject
    AttachmentStore store;

    @Inject
    AfterCompletion afterCompletion;

    /** Deletes the record now and the bytes once that is committed. */
    public void forget(Attachment attachment) {
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
}
