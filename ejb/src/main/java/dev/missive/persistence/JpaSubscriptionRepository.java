package dev.missive.persistence;

import dev.missive.domain.PartyType;
import dev.missive.subscription.SubscriptionEvent;
import dev.missive.subscription.SubscriptionRepository;
import dev.missive.subscription.SubscriptionStatus;
import dev.missive.subscription.TopicSubscription;
import dev.missive.thread.SentMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSubscriptionRepository implements SubscriptionRepository {

    /** Hibernate's lock timeout for "skip locked": select ... for update skip locked. */
    private static final int SKIP_LOCKED = -2;

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public void add(TopicSubscription subscription) {
        em.persist(subscription);
    }

    @Override
    public void add(SubscriptionEvent event) {
        em.persist(event);
    }

    @Override
    public Optional<TopicSubscription> find(String id) {
        return Optional.ofNullable(em.find(TopicSubscription.class, id));
    }

    @Override
    public Optional<TopicSubscription> findLocked(String id) {
        return Optional.ofNullable(em.find(TopicSubscription.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<TopicSubscription> ownedBy(String owner) {
        return em.createQuery(
                        "select s from TopicSubscription s where s.owner = :owner order by s.created, s.id",
                        TopicSubscription.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    @Override
    public void remove(TopicSubscription subscription) {
        em.createQuery("delete from SubscriptionEvent e where e.key.subscriptionId = :id")
                .setParameter("id", subscription.getId())
                .executeUpdate();
        em.remove(subscription);
    }

    @Override
    public List<String> matching(SentMessage message) {
        boolean toPractitioner = message.recipient().type() == PartyType.PRACTITIONER;
        return em.createQuery(
                        "select s.id from TopicSubscription s"
                                + " where (s.filter.recipientPractitioner is null or s.filter.recipientPractitioner = :practitioner)"
                                + " and (s.filter.recipientClinic = false or s.filter.recipientClinic = :toClinic)"
                                + " and (s.filter.patientId is null or s.filter.patientId = :patient)"
                                + " order by s.id",
                        String.class)
                .setParameter(
                        "practitioner", toPractitioner ? message.recipient().id() : "")
                .setParameter("toClinic", toPractitioner)
                .setParameter("patient", message.patientId())
                .getResultList();
    }

    @Override
    public List<TopicSubscription> claimDue(Instant now, int limit) {
        return em.createQuery(
                        "select s from TopicSubscription s where s.status in :delivering and s.nextAttempt <= :now"
                                + " and (s.claimedUntil is null or s.claimedUntil <= :now)"
                                + " and (s.status = :requested or s.eventsSinceStart > s.deliveredThrough"
                                + " or s.heartbeatDue <= :now)"
                                + " order by s.nextAttempt",
                        TopicSubscription.class)
                .setParameter("delivering", List.of(SubscriptionStatus.REQUESTED, SubscriptionStatus.ACTIVE))
                .setParameter("requested", SubscriptionStatus.REQUESTED)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<SubscriptionEvent> events(String subscriptionId, long after, long until, int limit) {
        return em.createQuery(
                        "select e from SubscriptionEvent e where e.key.subscriptionId = :id"
                                + " and e.key.eventNumber > :after and e.key.eventNumber <= :until"
                                + " order by e.key.eventNumber",
                        SubscriptionEvent.class)
                .setParameter("id", subscriptionId)
                .setParameter("after", after)
                .setParameter("until", until)
                .setMaxResults(limit)
                .getResultList();
    }
}
