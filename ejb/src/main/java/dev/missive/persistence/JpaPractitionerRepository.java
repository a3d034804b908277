package dev.missive.persistence;

import dev.missive.domain.Practitioner;
import dev.missive.domain.PractitionerRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class JpaPractitionerRepository extends JpaPersonRepository<Practitioner> implements PractitionerRepository {

    public JpaPractitionerRepository() {
        super(Practitioner.class, null, "e.id");
    }
}
