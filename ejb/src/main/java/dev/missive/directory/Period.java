package dev.missive.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * When a directory entry applies (FHIR Period): from {@code start}, inclusive, until {@code end},
 * exclusive; an open side is unbounded.
 */
@Embeddable
public record Period(
        @Column(name = "period_start") Instant start,
        @Column(name = "period_end") Instant end) {

    public static final Period ALWAYS = new Period(null, null);

    public boolean contains(Instant when) {
        return (start == null || !when.isBefore(start)) && (end == null || when.isBefore(end));
    }

    /** Whether it is over at that moment (it may not have begun either). */
    public boolean hasEnded(Instant when) {
        return end != null && !when.isBefore(end);
    }
}
