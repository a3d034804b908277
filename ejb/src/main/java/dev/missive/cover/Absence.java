package dev.missive.cover;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A practitioner's absence and who covers it. A practitioner has at most one: setting another
 * replaces it. The period is half-open, [start, end): at {@code end} the practitioner is back.
 */
@Entity
@Table(name = "practitioner_absence")
public class Absence {

    @Id
    @Column(name = "practitioner_id", length = 64)
    private String practitionerId;

    @Column(name = "starts", nullable = false)
    private Instant start;

    @Column(name = "ends", nullable = false)
    private Instant end;

    @Column(name = "cover_id", nullable = false, length = 64)
    private String coverId;

    protected Absence() {}

    public Absence(String practitionerId, Instant start, Instant end, String coverId) {
        this.practitionerId = practitionerId;
        change(start, end, coverId);
    }

    public void change(Instant start, Instant end, String coverId) {
        this.start = start;
        this.end = end;
        this.coverId = coverId;
    }

    public String getPractitionerId() {
        return practitionerId;
    }

    public Instant getStart() {
        return start;
    }

    public Instant getEnd() {
        return end;
    }

    public String getCoverId() {
        return coverId;
    }

    /** Whether the practitioner is away at that instant. */
    public boolean runsAt(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean isOverAt(Instant instant) {
        return !instant.isBefore(end);
    }
}
