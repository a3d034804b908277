package dev.missive.directory;

import dev.missive.service.InvalidRequestException;
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

    /** Refuses a blank value or one longer than {@link #MAX_VALUE_LENGTH}, a system longer than {@link #MAX_SYSTEM_LENGTH}. */
    public void requireValid() {
        if (value.isBlank()
                || value.length() > MAX_VALUE_LENGTH
                || system != null && system.length() > MAX_SYSTEM_LENGTH) {
            throw new InvalidRequestException("An identifier has a value of 1 to " + MAX_VALUE_LENGTH
                    + " characters and a system of at most " + MAX_SYSTEM_LENGTH);
        }
    }
}
