package dev.missive.service;

/** The record changed since the version the caller based the update on, or a write's condition is ambiguous. */
public class VersionConflictException extends MissiveException {

    private static final long serialVersionUID = 1L;

    public VersionConflictException(String type, String id) {
        this(type + "/" + id + " has changed since the version given");
    }

    private VersionConflictException(String message) {
        super(message);
    }

    /**
     * Two people editing one record: an update based on a version since replaced changes nothing.
     * {@code expected}: the version it was based on (If-Match), or null for an unconditional update.
     */
    public static void requireCurrent(Long expected, long current, String type, String id) {
        if (expected != null && expected != current) {
            throw new VersionConflictException(type, id);
        }
    }

    /** A conditional create matched more than one entry: which one was meant cannot be told. */
    public static VersionConflictException ambiguousMatch(String type) {
        return new VersionConflictException("More than one " + type + " matches the If-None-Exist condition");
    }
}
