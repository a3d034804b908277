package dev.missive.audit;

import java.util.List;
import java.util.Set;

/**
 * The audit trail: every request is recorded after the request's own work and before its
 * response is sent, in transactions of the trail's own (shared by concurrent requests, see
 * {@link AuditQueue}), so that a refused or failed request is recorded too and a failed record
 * never undoes what the request did. Only clinic admins read it, and see every request answered
 * before they asked; nobody changes it.
 */
public interface AuditService {

    /**
     * Records a request of the signed-in caller, who is resolved here; {@code patientsConcerned}
     * are the patients the request's resources are about, from which a proxy's on-behalf-of
     * patient is chosen. Returns once the record is durable.
     *
     * @throws AuditNotWrittenException if it could not be made durable in time
     */
    void record(AuditAccess access, Set<String> patientsConcerned);

    /**
     * Records a request that carried no usable token: no account is known. Returns once the
     * record is durable.
     *
     * @throws AuditNotWrittenException if it could not be made durable in time
     */
    void recordWithoutCaller(AuditAccess access);

    /** Clinic admins only. */
    AuditRecord find(long id);

    /** Clinic admins only; newest first. */
    List<AuditRecord> search(AuditQuery query, int offset, int limit);

    /** Clinic admins only. */
    long count(AuditQuery query);
}
