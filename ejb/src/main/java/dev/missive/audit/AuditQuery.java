package dev.missive.audit;

import dev.missive.domain.Party;
import java.time.Instant;

/**
 * A search of the audit trail: each criterion narrows it, null leaves it open. Dates are
 * inclusive bounds; the agent is an account name or a directory party.
 */
public record AuditQuery(
        Instant from,
        Instant to,
        String username,
        Party agent,
        String resourceType,
        String resourceId,
        AuditOutcome outcome,
        String patientId) {

    /** The same search ending at that instant at the latest. */
    public AuditQuery notAfter(Instant end) {
        Instant until = to == null || to.isAfter(end) ? end : to;
        return new AuditQuery(from, until, username, agent, resourceType, resourceId, outcome, patientId);
    }
}
