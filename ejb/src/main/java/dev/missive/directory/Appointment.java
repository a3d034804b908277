package dev.missive.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A visit: the history that makes a practitioner eligible under the appointment policy. */
@Entity
@Cacheable
@Table(name = "appointment")
public class Appointment extends PatientRecord {

    /** FHIR Appointment.status code; cancelled, noshow and entered-in-error never count. */
    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "start_time")
    private Instant start;

    @Column(name = "end_time")
    private Instant end;

    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appointment_practitioner", joinColumns = @JoinColumn(name = "appointment_id"))
    @Column(name = "practitioner_id", length = 64)
    private Set<String> practitionerIds = new LinkedHashSet<>();

    protected Appointment() {}

    public Appointment(String id) {
        super(id);
    }

    /** Whether it counts as a relationship between patient and practitioner. */
    public boolean counts() {
        return !Set.of("cancelled", "noshow", "entered-in-error").contains(status);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Instant getStart() {
        return start;
    }

    public void setStart(Instant start) {
        this.start = start;
    }

    public Instant getEnd() {
        return end;
    }

    public void setEnd(Instant end) {
        this.end = end;
    }

    public Set<String> getPractitionerIds() {
        return practitionerIds;
    }

    public void copyFrom(Appointment source) {
        setPatientId(source.getPatientId());
        this.status = source.status;
        this.start = source.start;
        this.end = source.end;
        this.practitionerIds.clear();
        this.practitionerIds.addAll(source.practitionerIds);
    }
}
