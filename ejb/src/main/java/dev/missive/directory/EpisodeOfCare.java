package dev.missive.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A chart a thread can be "regarding" when the patient has more than one. */
@Entity
@Table(name = "episode_of_care")
public class EpisodeOfCare extends PatientRecord {

    /** FHIR EpisodeOfCare.status code: planned, waitlist, active, onhold, finished, cancelled. */
    @Column(nullable = false, length = 20)
    private String status;

    /** What the chart is called where the portal shows it (EpisodeOfCare.type text). */
    @Column(length = 255)
    private String name;

    @Column(name = "period_start")
    private Instant periodStart;

    @Column(name = "period_end")
    private Instant periodEnd;

    protected EpisodeOfCare() {
    }

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

    public void copyFrom(EpisodeOfCare source) {
        setPatientId(source.getPatientId());
        this.status = source.status;
        this.name = source.name;
        this.periodStart = source.periodStart;
        this.periodEnd = source.periodEnd;
    }
}
