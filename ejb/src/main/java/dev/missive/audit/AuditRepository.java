package dev.missive.audit;

import java.util.List;
import java.util.Optional;

/** The audit trail: records are added and read, never changed or removed. */
public interface AuditRepository {

    void add(AuditRecord record);

    Optional<AuditRecord> find(long id);

    /** Newest first. */
    List<AuditRecord> search(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);
}
