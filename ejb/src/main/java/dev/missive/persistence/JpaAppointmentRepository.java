package dev.missive.persistence;

import dev.missive.directory.Appointment;
import dev.missive.directory.AppointmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaAppointmentRepository extends JpaDirectoryRepository<Appointment> implements AppointmentRepository {

    public JpaAppointmentRepository() {
        super(Appointment.class, "e.patientId", null);
    }

    @Override
    public List<Appointment> findByPatientSince(String patientId, Instant since) {
        return em.createQuery(
                        "select a from Appointment a where a.patientId = :patient and a.start >= :since"
                                + " order by a.start",
                        Appointment.class)
                .setParameter("patient", patientId)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    String practitionerCondition() {
        return ":practitioner member of e.practitionerIds";
    }
}
