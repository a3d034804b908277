package dev.missive.persistence;

import dev.missive.directory.Consent;
import dev.missive.directory.ConsentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class JpaConsentRepository extends JpaDirectoryRepository<Consent> implements ConsentRepository {

    public JpaConsentRepository() {
        super(Consent.class, "e.patientId", null);
    }

    @Override
    public List<Consent> findByPatient(String patientId) {
        return listBy("patientId", patientId);
    }
}
