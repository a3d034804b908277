package dev.missive.audit;

import dev.missive.domain.Party;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.security.Roles;
import dev.missive.service.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@Stateless
public class DefaultAuditService implements AuditService {

    @Inject
    AuditRepository records;

    @Inject
    AuditQueue queue;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void record(AuditAccess access, Set<String> patientsConcerned) {
        AuditAgent agent = agentOf(callers.current(), patientsConcerned);
        queue.add(new AuditRecord(
                clock.instant(),
                callers.onBehalfOf()
                        .map(practitioner -> agent.actingFor(practitioner.id()))
                        .orElse(agent),
                access));
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void recordWithoutCaller(AuditAccess access) {
        queue.add(new AuditRecord(clock.instant(), AuditAgent.UNKNOWN, access));
    }

    @Override
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public AuditRecord find(long id) {
        return records.find(id).orElseThrow(() -> new NotFoundException("AuditEvent", String.valueOf(id)));
    }

    @Override
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public List<AuditRecord> search(AuditQuery query, int offset, int limit) {
        return records.search(query, offset, limit);
    }

    @Override
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public long count(AuditQuery query) {
        return records.count(query);
    }

    /**
     * The caller as recorded. A proxy acted for one patient: the one the request's resources are
     * about, else the only patient they act for; they are recorded as that patient's RelatedPerson.
     */
    static AuditAgent agentOf(Caller caller, Set<String> patientsConcerned) {
        String roles = caller.roles().stream().map(Role::roleName).sorted().collect(Collectors.joining(","));
        if (!caller.has(Role.PROXY)) {
            return new AuditAgent(caller.username(), roles, caller.party().orElse(null), null);
        }
        Optional<String> patient = onBehalfOf(caller, patientsConcerned);
        Party party =
                caller.party().or(() -> patient.flatMap(caller::patientSideFor)).orElse(null);
        return new AuditAgent(caller.username(), roles, party, patient.orElse(null));
    }

    private static Optional<String> onBehalfOf(Caller caller, Set<String> patientsConcerned) {
        List<String> actedFor =
                patientsConcerned.stream().filter(caller::isProxyOf).toList();
        if (actedFor.size() == 1) {
            return Optional.of(actedFor.get(0));
        }
        if (actedFor.isEmpty() && caller.proxyFor().size() == 1) {
            return caller.proxyFor().keySet().stream().findFirst();
        }
        return Optional.empty();
    }
}
