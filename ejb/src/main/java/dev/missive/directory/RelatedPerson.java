package dev.missive.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A proxy (parent, guardian, guarantor, caregiver) of one patient. A guardian of two children
 * has two of these with the same portal username. They act for the patient only while active
 * and within their period.
 */
@Entity
@Table(name = "related_person")
public class RelatedPerson extends Person {

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    /** Code from v3 RoleCode, e.g. GUARD, PRN, MTH: shown, never used for a rule. */
    @Column(length = 40)
    private String relationship;

    @Column(name = "period_start")
    private Instant periodStart;

    @Column(name = "period_end")
    private Instant periodEnd;

    protected RelatedPerson() {
    }

    public RelatedPerson(String id) {
        super(id);
    }

    /** Whether this proxy may act for the patient at that moment. */
    public boolean actsAt(Instant when) {
        return isActive() && (periodStart == null || !when.isBefore(periodStart))
                && (periodEnd == null || when.isBefore(periodEnd));
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getRelationship() {
        return relationship;
    }

    public void setRelationship(String relationship) {
        this.relationship = relationship;
    }

    public Instant getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(Instant periodStart) {
        this.periodStart = periodStart;
    }

    public Instant getPeriodEnd() {
        return periodEnd;
    }

    public void setPeriodEnd(Instant periodEnd) {
        this.periodEnd = periodEnd;
    }

    public void copyFrom(RelatedPerson source) {
        copyPersonFrom(source);
        this.patientId = source.patientId;
        this.relationship = source.relationship;
        this.periodStart = source.periodStart;
        this.periodEnd = source.periodEnd;
    }
}
