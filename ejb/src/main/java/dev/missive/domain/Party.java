package dev.missive.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Objects;

/** A reference to a person in the directory: a patient, a practitioner or a proxy. */
@Embeddable
public class Party implements Serializable {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(name = "party_type", nullable = false, length = 20)
    private PartyType type;

    @Column(name = "party_id", nullable = false, length = 64)
    private String id;

    protected Party() {}

    public Party(PartyType type, String id) {
        this.type = Objects.requireNonNull(type);
        this.id = Objects.requireNonNull(id);
    }

    public static Party patient(String id) {
        return new Party(PartyType.PATIENT, id);
    }

    public static Party practitioner(String id) {
        return new Party(PartyType.PRACTITIONER, id);
    }

    public PartyType type() {
        return type;
    }

    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Party other && type == other.type && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id);
    }

    @Override
    public String toString() {
        return type + "/" + id;
    }
}
