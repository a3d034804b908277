package dev.missive.directory;

import java.util.Objects;

/**
 * An identifier a directory entry carries: an MRN, an EHR's id, the portal account. Integration
 * engines find entries again by it, so retries never duplicate them. The system may be unknown.
 */
public record Identifier(String system, String value) {

    public static final int MAX_SYSTEM_LENGTH = 512;
    public static final int MAX_VALUE_LENGTH = 255;

    public Identifier {
        Objects.requireNonNull(value, "an identifier has a value");
    }
}
