package dev.missive.fhir.server;

import dev.missive.audit.AuditQuery;
import dev.missive.audit.AuditRecord;
import dev.missive.audit.AuditService;
import java.util.List;

/** An AuditService that takes records and refuses to be read: each test says what becomes of them. */
abstract class AuditTrailStub implements AuditService {

    @Override
    public AuditRecord find(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditRecord> search(AuditQuery query, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long count(AuditQuery query) {
        throw new UnsupportedOperationException();
    }
}
