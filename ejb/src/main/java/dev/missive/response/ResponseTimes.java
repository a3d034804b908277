package dev.missive.response;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/** How fast staff answer: for clinic admins only. */
@Local
public interface ResponseTimes {

    /**
     * Per practitioner, the business time (the clinic's hours, holidays and time zone) from a
     * patient-side message that waited to their first reply, for the replies sent from
     * {@code from} until {@code to}; the practitioners with most replies first.
     */
    List<PractitionerResponseTimes> byPractitioner(Instant from, Instant to);

    /**
     * Per team pool, the same figures over the first replies in threads addressed to it, whichever
     * member answered (each also counts for that practitioner); the pools with most replies first.
     */
    List<TeamResponseTimes> byPool(Instant from, Instant to);
}
