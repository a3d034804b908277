package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.missive.audit.AuditAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** An audit service that keeps what the endpoint hands it, for a test to read request by request. */
final class AuditsKept extends AuditTrailStub {

    /** One record as handed over: with the patients concerned for a caller, or without a caller. */
    record Audited(AuditAccess access, Set<String> patients, boolean withCaller) {}

    private final BlockingQueue<Audited> kept = new LinkedBlockingQueue<>();

    /**
     * The one record handed over since the last call: {@link StubbedEndpoint#send} returns once
     * the endpoint is done with a request, so any second record of it would be here already.
     */
    Audited only() {
        List<Audited> records = new ArrayList<>();
        kept.drainTo(records);
        assertEquals(1, records.size(), () -> "one record a request: " + records);
        return records.get(0);
    }

    void forget() {
        kept.clear();
    }

    @Override
    public void record(AuditAccess access, Set<String> patientsConcerned) {
        kept.add(new Audited(access, patientsConcerned, true));
    }

    @Override
    public void recordWithoutCaller(AuditAccess access) {
        kept.add(new Audited(access, Set.of(), false));
    }
}
