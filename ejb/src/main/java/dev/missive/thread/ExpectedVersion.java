package dev.missive.thread;

import dev.missive.service.VersionConflictException;

/** Two tabs editing one thread or draft: the edit based on a version since replaced changes nothing. */
final class ExpectedVersion {

    private ExpectedVersion() {}

    /** {@code expected}: the version the edit was based on (If-Match), or null for an unconditional edit. */
    static void require(Long expected, long current, String id) {
        if (expected != null && expected != current) {
            throw new VersionConflictException("Communication", id);
        }
    }
}
