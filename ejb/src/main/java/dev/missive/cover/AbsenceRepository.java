package dev.missive.cover;

import java.time.Instant;
import java.util.Optional;

public interface AbsenceRepository {

    Optional<Absence> find(String practitionerId);

    /** The practitioner's absence if it runs at that instant. */
    default Optional<Absence> running(String practitionerId, Instant at) {
        return find(practitionerId).filter(absence -> absence.runsAt(at));
    }

    void add(Absence absence);

    void remove(Absence absence);
}
