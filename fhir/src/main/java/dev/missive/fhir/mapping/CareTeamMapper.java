package dev.missive.fhir.mapping;

import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Reference;

/** CareTeam resources to and from the directory's care teams: a patient and their practitioners. */
public final class CareTeamMapper {

    private CareTeamMapper() {}

    public static dev.missive.directory.CareTeam fromFhir(CareTeam resource, String id) {
        dev.missive.directory.CareTeam careTeam = new dev.missive.directory.CareTeam(id);
        DirectoryMapping.fromFhir(resource.getIdentifier(), careTeam);
        careTeam.setPatientId(References.idOf(resource.getSubject(), "Patient", "CareTeam.subject"));
        careTeam.setActive(!resource.hasStatus() || resource.getStatus() == CareTeam.CareTeamStatus.ACTIVE);
        careTeam.setName(resource.getName());
        for (CareTeam.CareTeamParticipantComponent participant : resource.getParticipant()) {
            if (References.isTo(participant.getMember(), "Practitioner")) {
                careTeam.getPractitionerIds()
                        .add(participant.getMember().getReferenceElement().getIdPart());
            }
        }
        return careTeam;
    }

    public static CareTeam toFhir(dev.missive.directory.CareTeam careTeam) {
        CareTeam resource = new CareTeam();
        DirectoryMapping.toFhir(careTeam, resource, resource.getIdentifier());
        resource.setStatus(careTeam.isActive() ? CareTeam.CareTeamStatus.ACTIVE : CareTeam.CareTeamStatus.INACTIVE);
        resource.setName(careTeam.getName());
        resource.setSubject(new Reference("Patient/" + careTeam.getPatientId()));
        for (String practitionerId : careTeam.getPractitionerIds()) {
            resource.addParticipant().setMember(new Reference("Practitioner/" + practitionerId));
        }
        return resource;
    }
}
