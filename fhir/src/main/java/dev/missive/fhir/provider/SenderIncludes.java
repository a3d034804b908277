package dev.missive.fhir.provider;

import dev.missive.directory.DirectoryService;
import dev.missive.domain.Party;
import dev.missive.fhir.mapping.PatientMapper;
import dev.missive.fhir.mapping.PractitionerMapper;
import dev.missive.fhir.mapping.RelatedPersonMapper;
import dev.missive.service.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DomainResource;

/**
 * {@code _include=Communication:sender} for one page of messages: each sender read once, and
 * only as the directory lets the caller see them (someone the caller may not see is simply
 * not included). HAPI adds the attached resources to the Bundle as includes.
 */
final class SenderIncludes {

    private final DirectoryService directory;
    private final Map<Party, Optional<DomainResource>> read = new HashMap<>();

    SenderIncludes(DirectoryService directory) {
        this.directory = directory;
    }

    Communication attach(Communication message, Party sender) {
        read.computeIfAbsent(sender, this::lookUp)
                .ifPresent(resource -> message.getSender().setResource(resource));
        return message;
    }

    private Optional<DomainResource> lookUp(Party party) {
        try {
            return Optional.of(
                    switch (party.type()) {
                        case PATIENT ->
                            PatientMapper.toFhir(directory.read(dev.missive.directory.Patient.class, party.id()));
                        case PRACTITIONER ->
                            PractitionerMapper.toFhir(
                                    directory.read(dev.missive.directory.Practitioner.class, party.id()));
                        case RELATED_PERSON ->
                            RelatedPersonMapper.toFhir(
                                    directory.read(dev.missive.directory.RelatedPerson.class, party.id()));
                        case CARE_TEAM -> throw new NotFoundException("CareTeam", party.id()); // never a sender
                    });
        } catch (NotFoundException hidden) {
            return Optional.empty();
        }
    }
}
