package dev.missive.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/** Saves a batch of audit records in a transaction of its own: one commit for many requests. */
@Stateless
@PermitAll
public class AuditWriter {

    @Inject
    AuditRepository records;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<AuditRecord> batch) {
        batch.forEach(records::add);
    }
}
