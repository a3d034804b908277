package dev.missive.directory;

/**
 * What happens when a practitioner leaves the clinic (made inactive, or their last role ended):
 * their open threads close for good, readable but no longer writable by their patients.
 */
public interface PractitionerDepartures {

    /** Closes the practitioner's open threads if they have left; does nothing otherwise. */
    void settle(String practitionerId);
}
