package dev.missive.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface AppointmentRepository extends DirectoryRepository<Appointment> {

    Optional<Appointment> find(String id);

    /** The patient's appointments that start at or after {@code since}, any status. */
    List<Appointment> findByPatientSince(String patientId, Instant since);

    Appointment add(Appointment appointment);
}
