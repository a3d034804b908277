package dev.missive.domain;

import java.time.Instant;

/**
 * A search of the audit trail: each criterion narrows it, null leaves it open. Dates are
 * inclusive bounds; the agent is an account name or a directory party.
 */
public record AuditQuery(Instant from, Instant to, String username, Party agent, String resourceType,
        String resourceId, AuditOutcome outcome, String patientId) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null, null);
}
