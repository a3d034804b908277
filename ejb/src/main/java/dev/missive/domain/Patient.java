package dev.missive.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A patient in the clinic's directory, kept in sync by the integration engine. */
@Entity
@Table(name = "patient")
public class Patient extends Person {

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "do_not_email", nullable = false)
    private boolean doNotEmail;

    /** BCP 47 tag of the patient's preferred language, used for the emergency number. */
    @Column(length = 35)
    private String locale;

    protected Patient() {
    }

    public Patient(String id) {
        super(id);
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public boolean isDoNotEmail() {
        return doNotEmail;
    }

    public void setDoNotEmail(boolean doNotEmail) {
        this.doNotEmail = doNotEmail;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public void copyFrom(Patient source) {
        copyPersonFrom(source);
        this.birthDate = source.birthDate;
        this.doNotEmail = source.doNotEmail;
        this.locale = source.locale;
    }
}
