package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Reference;

/** EpisodeOfCare resources to and from the charts a thread can be "regarding": the name is {@code type[0].text}. */
public final class EpisodeOfCareMapper {

    private EpisodeOfCareMapper() {}

    public static dev.missive.directory.EpisodeOfCare fromFhir(EpisodeOfCare resource, String id) {
        dev.missive.directory.EpisodeOfCare episode = new dev.missive.directory.EpisodeOfCare(id);
        DirectoryMapping.fromFhir(resource.getIdentifier(), episode);
        if (!resource.hasStatus()) {
            throw new InvalidRequestException("EpisodeOfCare.status is required");
        }
        episode.setStatus(resource.getStatus().toCode());
        episode.setPatientId(References.idOf(resource.getPatient(), "Patient", "EpisodeOfCare.patient"));
        if (resource.hasType() && resource.getTypeFirstRep().hasText()) {
            episode.setName(resource.getTypeFirstRep().getText());
        }
        episode.setPeriod(DirectoryMapping.fromFhir(resource.getPeriod()));
        return episode;
    }

    public static EpisodeOfCare toFhir(dev.missive.directory.EpisodeOfCare episode) {
        EpisodeOfCare resource = new EpisodeOfCare();
        DirectoryMapping.toFhir(episode, resource, resource.getIdentifier());
        resource.setStatus(EpisodeOfCare.EpisodeOfCareStatus.fromCode(episode.getStatus()));
        resource.setPatient(new Reference("Patient/" + episode.getPatientId()));
        if (episode.getName() != null) {
            resource.addType(new CodeableConcept().setText(episode.getName()));
        }
        resource.setPeriod(DirectoryMapping.toFhir(episode.getPeriod()));
        return resource;
    }
}
