package dev.missive.domain;

/**
 * The kinds of people that can take part in a thread, and the team pool a patient-side message
 * is addressed to before a member answers (a message's recipient only, never a participant).
 */
public enum PartyType {
    PATIENT,
    PRACTITIONER,
    RELATED_PERSON,
    CARE_TEAM;

    /** A person: who can sign in, write and be emailed. */
    public boolean isPerson() {
        return this != CARE_TEAM;
    }
}
