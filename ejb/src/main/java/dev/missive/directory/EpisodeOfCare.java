package dev.missive.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A chart a thread can be "regarding" when the patient has more than one. */
@Entity
@Cacheable
@Table(name = "episode_of_care")
public class EpisodeOfCare extends PatientRecord {

    /** FHIR EpisodeOfCare.status code: planned, waitlist, active, onhold, finished, cancelled. */
    @Column(nullable = false, length = 20)
    private String status;

    /** What the chart is called where the portal shows it (EpisodeOfCare.type text). */
    @Column(length = 255)
    private String name;

    @Embedded
    private Period period;

    protected EpisodeOfCare() {}

    public EpisodeOfCare(String id) {
        super(id);
    }

    public boolean isActive() {
        return "active".equals(status);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** When the entry applies; never null (both columns empty read back as no period at all). */
    public Period getPeriod() {
        return period == null ? Period.ALWAYS : period;
    }

    public void setPeriod(Period period) {
        this.period = period;
    }

    public void copyFrom(EpisodeOfCare source) {
        setPatientId(source.getPatientId());
        this.status = source.status;
        this.name = source.name;
        this.period = source.period;
    }
}
