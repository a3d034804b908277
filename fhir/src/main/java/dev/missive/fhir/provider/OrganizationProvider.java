package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import dev.missive.fhir.mapping.ClinicPolicyMapper;
import dev.missive.policy.ClinicPolicy;
import dev.missive.policy.PolicyService;
import dev.missive.service.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;

/** The clinic and its messaging policy: {@code Organization/clinic}, read by all, written by a clinic admin. */
@ApplicationScoped
public class OrganizationProvider implements IResourceProvider {

    @EJB
    PolicyService policies;

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        requireClinic(id);
        return ClinicPolicyMapper.toFhir(policies.current());
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Organization clinic) {
        requireClinic(id);
        Versions.idForUpdate(id, clinic);
        return Versions.outcome(
                ClinicPolicyMapper.toFhir(policies.update(ClinicPolicyMapper.fromFhir(clinic), Versions.expected(id))),
                false);
    }

    private static void requireClinic(IdType id) {
        if (!ClinicPolicy.SINGLETON_ID.equals(id.getIdPart())) {
            throw new NotFoundException("Organization", id.getIdPart());
        }
    }
}
