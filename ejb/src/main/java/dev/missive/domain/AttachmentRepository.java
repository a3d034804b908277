package dev.missive.domain;

import java.util.Optional;

/** The record of each uploaded file; the bytes themselves are in the {@link AttachmentStore}. */
public interface AttachmentRepository {

    Optional<Attachment> find(String id);

    void add(Attachment attachment);

    void remove(Attachment attachment);
}
