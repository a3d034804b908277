package dev.missive.persistence;

import dev.missive.audit.AuditQuery;
import dev.missive.audit.AuditRecord;
import dev.missive.audit.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail's table. Insert-only by construction: nothing here updates or deletes. Each
 * criterion has its own index leading with it and followed by the date (V13).
 */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public void add(AuditRecord record) {
        em.persist(record);
    }

    @Override
    public Optional<AuditRecord> find(long id) {
        return Optional.ofNullable(em.find(AuditRecord.class, id));
    }

    @Override
    public List<AuditRecord> search(AuditQuery query, int offset, int limit) {
        Where where = where(query);
        return where.applyTo(em.createQuery(
                        "select a from AuditRecord a" + where + " order by a.recorded desc, a.id desc",
                        AuditRecord.class))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long count(AuditQuery query) {
        Where where = where(query);
        return where.applyTo(em.createQuery("select count(a) from AuditRecord a" + where, Long.class))
                .getSingleResult();
    }

    private static Where where(AuditQuery query) {
        Where where = new Where();
        if (query.from() != null) {
            where.and("a.recorded >= :from", "from", query.from());
        }
        if (query.to() != null) {
            where.and("a.recorded <= :to", "to", query.to());
        }
        if (query.username() != null) {
            where.and("a.username = :username", "username", query.username());
        }
        if (query.agent() != null) {
            where.and(
                            "a.agent.type = :agentType and a.agent.id = :agentId",
                            "agentType",
                            query.agent().type())
                    .bind("agentId", query.agent().id());
        }
        if (query.resourceType() != null) {
            where.and("a.resourceType = :resourceType", "resourceType", query.resourceType());
        }
        if (query.resourceId() != null) {
            where.and("a.resourceId = :resourceId", "resourceId", query.resourceId());
        }
        if (query.outcome() != null) {
            where.and("a.outcome = :outcome", "outcome", query.outcome().code());
        }
        if (query.patientId() != null) {
            where.and("a.onBehalfOf = :patient", "patient", query.patientId());
        }
        return where;
    }
}
