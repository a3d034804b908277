package dev.missive.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A member of the clinic's staff who can take part in threads. */
@Entity
@Cacheable
@Table(name = "practitioner")
public class Practitioner extends Person {

    /** "Email me about new messages": staff are only emailed when they opted in. */
    @Column(name = "email_notifications", nullable = false)
    private boolean emailNotifications;

    protected Practitioner() {}

    public Practitioner(String id) {
        super(id);
    }

    public boolean isEmailNotifications() {
        return emailNotifications;
    }

    public void setEmailNotifications(boolean emailNotifications) {
        this.emailNotifications = emailNotifications;
    }

    /** Initials shown beside the practitioner's messages, as the patient portal does. */
    public String initials() {
        StringBuilder initials = new StringBuilder();
        for (String part : displayName().split("\\s+")) {
            if (!part.isEmpty()) {
                initials.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return initials.toString();
    }

    public void copyFrom(Practitioner source) {
        copyPersonFrom(source);
        this.emailNotifications = source.emailNotifications;
    }
}
