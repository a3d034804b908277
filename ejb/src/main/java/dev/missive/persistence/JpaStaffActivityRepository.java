package dev.missive.persistence;

import dev.missive.notification.PractitionerActivity;
import dev.missive.notification.StaffActivityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaStaffActivityRepository implements StaffActivityRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<Instant> lastSeen(String practitionerId) {
        return Optional.ofNullable(em.find(PractitionerActivity.class, practitionerId))
                .map(PractitionerActivity::getLastSeen);
    }

    /** Its own short transaction: a request's rollback keeps it, and it holds its row lock only briefly. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void seen(String practitionerId, Instant at) {
        PractitionerActivity activity = em.find(PractitionerActivity.class, practitionerId);
        if (activity == null) {
            em.persist(new PractitionerActivity(practitionerId, at));
        } else {
            activity.seen(at);
        }
    }
}
