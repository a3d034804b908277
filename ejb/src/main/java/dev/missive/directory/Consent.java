package dev.missive.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A patient's agreement to be billed for messaging (category consent-category#message-billing). */
@Entity
@Cacheable
@Table(name = "consent")
public class Consent extends PatientRecord {

    public static final String MESSAGE_BILLING = "message-billing";

    /** FHIR Consent.status code: draft, proposed, active, rejected, inactive, entered-in-error. */
    @Column(nullable = false, length = 20)
    private String status;

    @Column(nullable = false, length = 40)
    private String category;

    @Column(name = "given_at")
    private Instant givenAt;

    protected Consent() {}

    public Consent(String id) {
        super(id);
    }

    /** Whether it is an active agreement of this patient to be billed for messages. */
    public boolean coversMessageBillingFor(String patient) {
        return "active".equals(status)
                && MESSAGE_BILLING.equals(category)
                && getPatientId().equals(patient);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Instant getGivenAt() {
        return givenAt;
    }

    public void setGivenAt(Instant givenAt) {
        this.givenAt = givenAt;
    }

    public void copyFrom(Consent source) {
        setPatientId(source.getPatientId());
        this.status = source.status;
        this.category = source.category;
        this.givenAt = source.givenAt;
    }
}
