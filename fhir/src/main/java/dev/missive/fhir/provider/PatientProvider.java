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
import dev.missive.fhir.mapping.PatientMapper;
import dev.missive.service.DirectoryService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

@ApplicationScoped
public class PatientProvider implements IResourceProvider {

    @EJB
    DirectoryService directory;

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient resource) {
        return Versions.outcome(directory.savePatient(PatientMapper.fromFhir(resource, null), null),
                PatientMapper::toFhir);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient resource) {
        return Versions.outcome(directory.savePatient(PatientMapper.fromFhir(resource, Versions.idForUpdate(id, resource)),
                Versions.expected(id)), PatientMapper::toFhir);
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return PatientMapper.toFhir(directory.patient(id.getIdPart()));
    }

    @Search
    public List<Patient> byIdentifier(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
        return Identifiers.portalUsername(identifier)
                .map(username -> directory.patientsByPortalUsername(username).stream().map(PatientMapper::toFhir).toList())
                .orElse(List.of());
    }
}
