package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.eligibility.EligibilityService;
import dev.missive.eligibility.MessageRecipient;
import dev.missive.eligibility.TeamPool;
import dev.missive.fhir.MissiveFhir;
import dev.missive.fhir.mapping.CareTeamMapper;
import dev.missive.fhir.mapping.CoverMapper;
import dev.missive.fhir.mapping.PractitionerMapper;
import dev.missive.fhir.mapping.PractitionerRoleMapper;
import dev.missive.policy.ClinicPolicy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code GET /Patient/{id}/$message-recipients?category=}: whom the patient (or their proxy)
 * may write to for that message type, as the PractitionerRoles that make them reachable with
 * their Practitioners included, ready for a portal's "To" list; a role of a practitioner who is
 * away carries the notice (until when, who covers). The team pools that take the type come first,
 * as CareTeams with their name only (a thread to one is addressed to the CareTeam).
 */
@ApplicationScoped
public class MessageRecipientsProvider {

    @EJB
    EligibilityService eligibility;

    @Operation(name = "$message-recipients", type = Patient.class, idempotent = true)
    public Bundle recipients(
            @IdParam IdType patient,
            @OperationParam(name = "category", max = 1) TokenParam category,
            RequestDetails details) {
        String messageType = category == null || category.getValue() == null ? "general" : category.getValue();
        if (category != null && category.getSystem() != null && !MissiveFhir.MESSAGE_TYPE.equals(category.getSystem())
                || !ClinicPolicy.MESSAGE_TYPES.contains(messageType)) {
            throw new InvalidRequestException("category must be a code from " + MissiveFhir.MESSAGE_TYPE);
        }
        List<MessageRecipient> recipients = eligibility.recipientsForCaller(patient.getIdPart(), messageType);
        List<TeamPool> pools = eligibility.poolsForCaller(patient.getIdPart(), messageType);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(recipients.size() + pools.size());
        for (TeamPool pool : pools) {
            add(bundle, details, CareTeamMapper.poolToFhir(pool.team()), Bundle.SearchEntryMode.MATCH);
        }
        for (MessageRecipient recipient : recipients) {
            PractitionerRole role = PractitionerRoleMapper.toFhir(recipient.role());
            recipient.away().ifPresent(notice -> role.addExtension(CoverMapper.toExtension(notice)));
            add(bundle, details, role, Bundle.SearchEntryMode.MATCH);
        }
        recipients.stream()
                .map(MessageRecipient::practitioner)
                .distinct()
                .forEach(practitioner ->
                        add(bundle, details, PractitionerMapper.toFhir(practitioner), Bundle.SearchEntryMode.INCLUDE));
        return bundle;
    }

    /** Entries are named by absolute URLs, as a Bundle's fullUrl must be. */
    private static void add(Bundle bundle, RequestDetails details, Resource resource, Bundle.SearchEntryMode mode) {
        bundle.addEntry()
                .setFullUrl(details.getFhirServerBase() + "/" + resource.fhirType() + "/"
                        + resource.getIdElement().getIdPart())
                .setResource(resource)
                .getSearch()
                .setMode(mode);
    }
}
