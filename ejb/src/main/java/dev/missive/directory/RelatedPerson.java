package dev.missive.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A proxy (parent, guardian, guarantor, caregiver) of one patient. A guardian of two children
 * has two of these with the same portal username. They act for the patient only while active
 * and within their period.
 */
@Entity
@Cacheable
@Table(name = "related_person")
public class RelatedPerson extends Person {

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    /** Code from v3 RoleCode, e.g. GUARD, PRN, MTH: shown, never used for a rule. */
    @Column(length = 40)
    private String relationship;

    @Embedded
    private Period period;

    protected RelatedPerson() {}

    public RelatedPerson(String id) {
        super(id);
    }

    /** Whether this proxy may act for the patient at that moment. */
    public boolean actsAt(Instant when) {
        return isActive() && getPeriod().contains(when);
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

    /** When the entry applies; never null (both columns empty read back as no period at all). */
    public Period getPeriod() {
        return period == null ? Period.ALWAYS : period;
    }

    public void setPeriod(Period period) {
        this.period = period;
    }

    public void copyFrom(RelatedPerson source) {
        copyPersonFrom(source);
        this.patientId = source.patientId;
        this.relationship = source.relationship;
        this.period = source.period;
    }
}
