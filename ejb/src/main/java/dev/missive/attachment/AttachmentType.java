package dev.missive.attachment;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of file a message may carry, each recognised by its content, never by its name. */
public enum AttachmentType {
    JPEG("image/jpeg"),
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    MP4("video/mp4");

    private final String mediaType;

    AttachmentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type a media type names (parameters and case ignored), if it is one Missive accepts. */
    public static Optional<AttachmentType> ofMediaType(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String bare = declared.split(";", 2)[0].strip();
        return Arrays.stream(values())
                .filter(type -> type.mediaType.equalsIgnoreCase(bare))
                .findFirst();
    }
}
