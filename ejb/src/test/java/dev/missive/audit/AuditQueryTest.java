package dev.missive.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    private static final Instant START = Instant.parse("2026-11-22T02:00:00Z");

    @Test
    void aSearchEndsWhenItBeganOrEarlierIfAsked() {
        AuditQuery open = new AuditQuery(null, null, "alice", null, null, null, AuditOutcome.MINOR_FAILURE, null);
        assertEquals(START, open.notAfter(START).to());
        assertEquals("alice", open.notAfter(START).username());
        AuditQuery earlier = new AuditQuery(null, START.minusSeconds(60), null, null, null, null, null, null);
        assertEquals(START.minusSeconds(60), earlier.notAfter(START).to());
    }

    @Test
    void statusesAreOutcomes() {
        assertEquals(AuditOutcome.SUCCESS, AuditOutcome.ofStatus(201));
        assertEquals(AuditOutcome.MINOR_FAILURE, AuditOutcome.ofStatus(404));
        assertEquals(AuditOutcome.SERIOUS_FAILURE, AuditOutcome.ofStatus(500));
        assertEquals(AuditOutcome.MAJOR_FAILURE, AuditOutcome.ofCode(12));
    }
}
