package dev.missive.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A patient in the clinic's directory, kept in sync by the integration engine. */
@Entity
@Cacheable
@Table(name = "patient")
public class Patient extends Person {

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "do_not_email", nullable = false)
    private boolean doNotEmail;

    /** BCP 47 tag of the patient's preferred language, used for the emergency number. */
    @Column(length = 35)
    private String locale;

    /** The patient this record was merged into; set and cleared only by a merge and its unmerge. */
    @Column(name = "replaced_by", length = 64)
    private String replacedBy;

    /** Whether the record was active when it was merged away, for the unmerge to restore. */
    @Column(name = "active_before_merge")
    private Boolean activeBeforeMerge;

    protected Patient() {}

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

    public String getReplacedBy() {
        return replacedBy;
    }

    public boolean isMergedAway() {
        return replacedBy != null;
    }

    /** Points this record at the one it was merged into, and retires it. */
    public void mergeInto(String targetId) {
        this.activeBeforeMerge = isActive();
        this.replacedBy = targetId;
        setActive(false);
    }

    /** Undoes {@link #mergeInto}: the record is its own again, as active as it was. */
    public void unmerge() {
        setActive(Boolean.TRUE.equals(activeBeforeMerge));
        this.replacedBy = null;
        this.activeBeforeMerge = null;
    }

    /** The directory's data only: whether the record was merged away stays as it is. */
    public void copyFrom(Patient source) {
        copyPersonFrom(source);
        this.birthDate = source.birthDate;
        this.doNotEmail = source.doNotEmail;
        this.locale = source.locale;
    }
}
