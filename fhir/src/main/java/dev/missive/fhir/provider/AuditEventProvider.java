package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.missive.audit.AuditOutcome;
import dev.missive.audit.AuditQuery;
import dev.missive.audit.AuditService;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.fhir.mapping.AuditEventMapper;
import dev.missive.fhir.mapping.References;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;

/**
 * The audit trail, read-only, for clinic admins ({@code read} and {@code search}; there is no
 * create, update or delete, so HAPI refuses them). Newest first, paged by offset over the trail
 * as it stood when the search began: records written since (the search's own among them) do not
 * shift its pages.
 */
@ApplicationScoped
public class AuditEventProvider implements IResourceProvider {

    @EJB
    AuditService audits;

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        long number;
        try {
            number = Long.parseLong(id.getIdPart());
        } catch (NumberFormatException notARecordNumber) {
            // letters, or digits beyond a long
            throw new ResourceNotFoundException(id);
        }
        return AuditEventMapper.toFhir(audits.find(number));
    }

    /**
     * {@code agent} is a directory reference ({@code Patient/alice}) or an account name
     * ({@code alice}, {@code service-account-integration-engine}); {@code patient} is the
     * patient a proxy acted for; {@code entity} is {@code Type/id} (or an id of any type).
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
            @OptionalParam(name = AuditEvent.SP_AGENT) ReferenceParam agent,
            @OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceParam entity,
            @OptionalParam(name = AuditEvent.SP_OUTCOME) TokenParam outcome,
            @OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient) {
        boolean byParty = agent != null && agent.getResourceType() != null;
        AuditQuery query = new AuditQuery(
                        instant(date == null ? null : date.getLowerBoundAsInstant()),
                        instant(date == null ? null : date.getUpperBoundAsInstant()),
                        agent == null || byParty ? null : agent.getIdPart(),
                        byParty ? new Party(partyType(agent.getResourceType()), agent.getIdPart()) : null,
                        entity == null ? null : entityType(entity),
                        entity == null ? null : entity.getIdPart(),
                        outcome == null ? null : outcome(outcome.getValue()),
                        SearchParams.idOf(patient, "Patient"))
                .notAfter(Instant.now());
        return new PagedResults(
                audits.count(query),
                (offset, limit) -> audits.search(query, offset, limit).stream()
                        .map(AuditEventMapper::toFhir)
                        .toList());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static PartyType partyType(String resourceType) {
        return Arrays.stream(PartyType.values())
                .filter(type -> type.isPerson() && References.typeOf(type).equals(resourceType))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(
                        "agent is a Patient, Practitioner or RelatedPerson, or an account name"));
    }

    private static String entityType(ReferenceParam entity) {
        if (entity.hasChain()) {
            throw new InvalidRequestException("entity is Type/id");
        }
        return entity.getResourceType();
    }

    private static AuditOutcome outcome(String code) {
        try {
            return AuditOutcome.ofCode(Integer.parseInt(code));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("outcome is 0, 4, 8 or 12");
        }
    }
}
