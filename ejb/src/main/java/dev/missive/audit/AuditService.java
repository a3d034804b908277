package dev.missive.audit;

import java.util.List;
import java.util.Set;

/**
 * The audit trail: every request is recorded after the request's own work, in transactions of
 * the trail's own (batched by {@link AuditQueue}), so that a refused or failed request is recorded
 * too and a failed record never undoes what the request did. Only clinic admins read it, and
 * see every record handed over before they asked; nobody changes it.
 */
public interface AuditService {

    /**
     * Records a request of the signed-in caller, who is resolved here; {@code patientsConcerned}
     * are the patients the request's resources are about, from which a proxy's on-behalf-of
     * patient is chosen.
     */
    void record(AuditAccess access, Set<String> patientsConcerned);

    /** Records a request that carried no usable token: no account is known. */
    void recordWithoutCaller(AuditAccess access);

    /** Clinic admins only. */
    AuditRecord find(long id);

    /** Clinic admins only; newest first. */
    List<AuditRecord> search(AuditQuery query, int offset, int limit);

    /** Clinic admins only. */
    long count(AuditQuery query);
}
