package dev.missive.audit;

/**
 * How a request ended, in the audit trail's coarse terms (FHIR's AuditEvent outcome codes):
 * success, refused or broken by the request (4xx), or failed by the server (5xx). A major
 * failure (the server unavailable) cannot be recorded by the server itself, but may be searched for.
 */
public enum AuditOutcome {
    SUCCESS(0),
    MINOR_FAILURE(4),
    SERIOUS_FAILURE(8),
    MAJOR_FAILURE(12);

    private final int code;

    AuditOutcome(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AuditOutcome ofStatus(int httpStatus) {
        if (httpStatus >= 500) {
            return SERIOUS_FAILURE;
        }
        return httpStatus >= 400 ? MINOR_FAILURE : SUCCESS;
    }

    public static AuditOutcome ofCode(int code) {
        for (AuditOutcome outcome : values()) {
            if (outcome.code == code) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("No audit outcome " + code);
    }
}
