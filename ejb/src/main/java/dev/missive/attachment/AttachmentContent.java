package dev.missive.attachment;

import java.io.InputStream;

/** An attachment's record and its bytes, open for reading: whoever receives it closes the stream. */
public record AttachmentContent(Attachment attachment, InputStream content) {}
