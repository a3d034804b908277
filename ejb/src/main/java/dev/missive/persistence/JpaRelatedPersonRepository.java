package dev.missive.persistence;

import dev.missive.directory.RelatedPerson;
import dev.missive.directory.RelatedPersonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class JpaRelatedPersonRepository extends JpaPersonRepository<RelatedPerson> implements RelatedPersonRepository {

    public JpaRelatedPersonRepository() {
        super(RelatedPerson.class, "e.patientId", null);
    }

    @Override
    public List<RelatedPerson> findByPatient(String patientId) {
        return listBy("patientId", patientId);
    }
}
