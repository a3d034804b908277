package dev.missive.persistence;

import dev.missive.directory.Patient;
import dev.missive.directory.PatientRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class JpaPatientRepository extends JpaPersonRepository<Patient> implements PatientRepository {

    public JpaPatientRepository() {
        super(Patient.class, "e.id", null);
    }
}
