package dev.missive.attachment;

import jakarta.ejb.Local;
import java.io.InputStream;

/**
 * Files for messages. Upload: people who write messages, when the clinic allows attachments;
 * the content must be a JPEG, PDF, DOCX or MP4 of the declared type, at most
 * {@link #maxBytes()} bytes. Read: the uploader alone until a message carries the file, then
 * whoever may read that message; anything else is not found.
 */
@Local
public interface AttachmentService {

    /**
     * Streams the content into the store and keeps it once checked. {@code declaredLength} is
     * the length the client announced (-1 if none): more than the limit is refused before
     * anything is read, and reading stops at the limit whatever was announced.
     */
    Attachment upload(InputStream content, String declaredType, long declaredLength);

    /** The record and the bytes, for whoever may read them. */
    AttachmentContent open(String id);

    /** The largest attachment accepted, in bytes. */
    long maxBytes();
}
