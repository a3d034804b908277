package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import dev.missive.fhir.mapping.CareTeamMapper;
import dev.missive.service.DirectoryService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;

@ApplicationScoped
public class CareTeamProvider implements IResourceProvider {

    @EJB
    DirectoryService directory;

    @Override
    public Class<CareTeam> getResourceType() {
        return CareTeam.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam CareTeam resource) {
        return Versions.outcome(directory.saveCareTeam(CareTeamMapper.fromFhir(resource, null), null),
                CareTeamMapper::toFhir);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam CareTeam resource) {
        return Versions.outcome(directory.saveCareTeam(CareTeamMapper.fromFhir(resource, Versions.idForUpdate(id, resource)),
                Versions.expected(id)), CareTeamMapper::toFhir);
    }

    @Read
    public CareTeam read(@IdParam IdType id) {
        return CareTeamMapper.toFhir(directory.careTeam(id.getIdPart()));
    }

    @Search
    public List<CareTeam> byPatient(@RequiredParam(name = CareTeam.SP_PATIENT) ReferenceParam patient) {
        return directory.careTeamsOf(patient.getIdPart()).stream().map(CareTeamMapper::toFhir).toList();
    }
}
