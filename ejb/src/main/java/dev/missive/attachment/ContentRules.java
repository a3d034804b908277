package dev.missive.attachment;

import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.service.TooLargeException;
import dev.missive.service.UnsupportedContentException;
import java.io.IOException;
import java.nio.file.Path;

/** The answers to an upload whose content is refused, each with its rule code. */
public final class ContentRules {

    private ContentRules() {}

    /** The type the staged content is, when it is the declared one. */
    static AttachmentType check(ContentInspector inspector, Path staged, long size, AttachmentType declared)
            throws IOException {
        if (size == 0) {
            throw new RuleViolationException(Rule.ATTACHMENT_EMPTY, "The attachment is empty");
        }
        AttachmentType found = inspector.inspect(staged).orElseThrow(ContentRules::unsupported);
        if (found != declared) {
            throw new RuleViolationException(
                    Rule.ATTACHMENT_TYPE_MISMATCH,
                    "The content is " + found.mediaType() + ", not the declared " + declared.mediaType());
        }
        return found;
    }

    static UnsupportedContentException unsupported() {
        return new UnsupportedContentException(
                Rule.ATTACHMENT_TYPE_UNSUPPORTED,
                "Attachments are JPEG, PDF, DOCX or MP4 files, recognised by their content, and nothing else besides");
    }

    /** The clinic's policy takes no attachments now. */
    public static RuleViolationException attachmentsDisabled() {
        return new RuleViolationException(Rule.ATTACHMENTS_DISABLED, "The clinic does not accept attachments");
    }

    static TooLargeException tooLarge(long maxBytes) {
        return new TooLargeException(Rule.ATTACHMENT_TOO_LARGE, "An attachment is at most " + maxBytes + " bytes");
    }
}
