package dev.missive.eligibility;

/** A thread as eligibility sees it: a patient writing with a practitioner about a message type. */
public interface Correspondence {

    String getPatientId();

    String getPractitionerId();

    String getCategory();

    boolean isClosed();
}
