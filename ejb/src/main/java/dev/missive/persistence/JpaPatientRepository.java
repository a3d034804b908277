package dev.missive.persistence;

import dev.missive.domain.Patient;
import dev.missive.domain.PatientRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class JpaPatientRepository extends JpaPersonRepository<Patient> implements PatientRepository {

    public JpaPatientRepository() {
        super(Patient.class, "e.id", null);
    }
}
