package dev.missive.cover;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.Optional;

/**
 * A practitioner's cover while away, read, set and cleared by the practitioner themselves or a
 * clinic admin (403 for anyone else; an unknown practitioner is 404).
 */
@Local
public interface CoverService {

    /** The practitioner's absence that runs now or is still to come; none once it is over. */
    Optional<Absence> cover(String practitionerId);

    /**
     * Records the absence, replacing any earlier one: from {@code start} (now when null) until
     * {@code end}, covered by another active practitioner. 400 for a period that is empty or
     * over, or a cover who is unknown, inactive or the practitioner themselves.
     */
    Absence setCover(String practitionerId, Instant start, Instant end, String coverId);

    /** Ends the absence: new messages go to the practitioner again from now on. */
    void clearCover(String practitionerId);
}
