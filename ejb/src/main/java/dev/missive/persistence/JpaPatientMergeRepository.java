package dev.missive.persistence;

import dev.missive.merge.MergedThread;
import dev.missive.merge.PatientMergeRepository;
import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaPatientMergeRepository implements PatientMergeRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public List<Conversation> sentThreadsAbout(String patientId) {
        // Locked like any thread action: a message being sent waits, then finds the thread closed.
        return em.createQuery(
                        "select c from Conversation c where c.patientId = :patient and c.status <> :draft"
                                + " order by c.created, c.id",
                        Conversation.class)
                .setParameter("patient", patientId)
                .setParameter("draft", ConversationStatus.DRAFT)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public void add(MergedThread merged) {
        em.persist(merged);
    }

    @Override
    public List<MergedThread> mergedThreadsOf(String sourcePatientId) {
        return em.createQuery(
                        "select m from MergedThread m where m.sourcePatientId = :source" + " order by m.conversationId",
                        MergedThread.class)
                .setParameter("source", sourcePatientId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public void remove(MergedThread merged) {
        em.remove(merged);
    }
}
