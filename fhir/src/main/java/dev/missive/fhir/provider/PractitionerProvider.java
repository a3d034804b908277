package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import dev.missive.fhir.mapping.PractitionerMapper;
import dev.missive.service.DirectoryService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;

@ApplicationScoped
public class PractitionerProvider implements IResourceProvider {

    @EJB
    DirectoryService directory;

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Practitioner resource) {
        return Versions.outcome(directory.savePractitioner(PractitionerMapper.fromFhir(resource, null), null),
                PractitionerMapper::toFhir);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Practitioner resource) {
        return Versions.outcome(directory.savePractitioner(PractitionerMapper.fromFhir(resource, Versions.idForUpdate(id, resource)),
                Versions.expected(id)), PractitionerMapper::toFhir);
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        return PractitionerMapper.toFhir(directory.practitioner(id.getIdPart()));
    }

    @Search
    public List<Practitioner> byIdentifier(@RequiredParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier) {
        return Identifiers.portalUsername(identifier)
                .map(username -> directory.practitionersByPortalUsername(username).stream().map(PractitionerMapper::toFhir).toList())
                .orElse(List.of());
    }
}
