package dev.missive.directory;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A directory entry for someone who can sign in: names, email and the portal account. */
@MappedSuperclass
public abstract class Person extends DirectoryEntry {

    @Column(name = "portal_username")
    private String portalUsername;

    @Column(name = "given_name")
    private String givenName;

    @Column(name = "family_name")
    private String familyName;

    @Column(length = 320)
    private String email;

    @Column(nullable = false)
    private boolean active = true;

    protected Person() {}

    protected Person(String id) {
        super(id);
    }

    public String getPortalUsername() {
        return portalUsername;
    }

    public void setPortalUsername(String portalUsername) {
        this.portalUsername = portalUsername;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** The name to show, "Given Family", whichever parts are known. */
    public String displayName() {
        return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
    }

    /** Copies what the directory knows of a person from an incoming version of the record. */
    protected void copyPersonFrom(Person source) {
        this.portalUsername = source.portalUsername;
        this.givenName = source.givenName;
        this.familyName = source.familyName;
        this.email = source.email;
        this.active = source.active;
    }
}
