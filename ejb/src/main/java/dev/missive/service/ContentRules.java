package dev.missive.service;

import dev.missive.domain.AttachmentType;
import java.io.IOException;
import java.nio.file.Path;

/** The answers to an upload whose content is refused, each with its rule code. */
final class ContentRules {

    private ContentRules() {
    }

    /** The type the staged content is, when it is the declared one. */
    static AttachmentType check(ContentInspector inspector, Path staged, long size, AttachmentType declared)
            throws IOException {
        if (size == 0) {
            throw new RuleViolationException("attachment-empty", "The attachment is empty");
        }
        AttachmentType found = inspector.inspect(staged).orElseThrow(ContentRules::unsupported);
        if (found != declared) {
            throw new RuleViolationException("attachment-type-mismatch",
                    "The content is " + found.mediaType() + ", not the declared " + declared.mediaType());
        }
        return found;
    }

    static UnsupportedContentException unsupported() {
        return new UnsupportedContentException("attachment-type-unsupported",
                "Attachments are JPEG, PDF, DOCX or MP4 files, recognised by their content, and nothing else besides");
    }

    static TooLargeException tooLarge(long maxBytes) {
        return new TooLargeException("attachment-too-large", "An attachment is at most " + maxBytes + " bytes");
    }
}
