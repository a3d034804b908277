package dev.missive.directory;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A directory entry that belongs to one patient: a care team, an episode, a visit, a consent. */
@MappedSuperclass
public abstract class PatientRecord extends DirectoryEntry {

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    protected PatientRecord() {}

    protected PatientRecord(String id) {
        super(id);
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }
}
