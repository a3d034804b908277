package dev.missive.attachment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The record of each uploaded file; the bytes themselves are in the {@link AttachmentStore}. */
public interface AttachmentRepository {

    Optional<Attachment> find(String id);

    /** Uploads no message carries that were made before {@code cutoff}, oldest first, at most {@code limit}. */
    List<Attachment> unattachedBefore(Instant cutoff, int limit);

    void add(Attachment attachment);

    void remove(Attachment attachment);
}
