package dev.missive.cover;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface AbsenceRepository {

    Optional<Absence> find(String practitionerId);

    /** The practitioner's absence if it runs at that instant. */
    default Optional<Absence> running(String practitionerId, Instant at) {
        return find(practitionerId).filter(absence -> absence.runsAt(at));
    }

    /** The absences of these practitioners, whenever they run (at most one each). */
    List<Absence> findAll(Collection<String> practitionerIds);

    void add(Absence absence);

    void remove(Absence absence);
}
