package dev.missive.domain;

/** The kinds of people that can take part in a thread. */
public enum PartyType {
    PATIENT,
    PRACTITIONER,
    RELATED_PERSON
}
