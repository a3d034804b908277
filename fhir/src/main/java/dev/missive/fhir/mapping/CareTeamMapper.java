package dev.missive.fhir.mapping;

import dev.missive.fhir.MissiveFhir;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * CareTeam resources to and from the directory's care teams: a patient and their practitioners,
 * or, with the category {@code care-team-category#pool} and no subject, a team pool whose
 * {@code message-types} extensions name the message types it takes (none: every type).
 */
public final class CareTeamMapper {

    private CareTeamMapper() {}

    public static dev.missive.directory.CareTeam fromFhir(CareTeam resource, String id) {
        dev.missive.directory.CareTeam careTeam = new dev.missive.directory.CareTeam(id);
        DirectoryMapping.fromFhir(resource.getIdentifier(), careTeam);
        careTeam.setPool(isPool(resource));
        if (!careTeam.isPool() || resource.hasSubject()) {
            careTeam.setPatientId(References.idOf(resource.getSubject(), "Patient", "CareTeam.subject"));
        }
        careTeam.getMessageTypes().addAll(DirectoryMapping.messageTypes(resource));
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
        if (careTeam.isPool()) {
            resource.addCategory(poolCategory());
            careTeam.getMessageTypes()
                    .forEach(type -> resource.addExtension(MissiveFhir.MESSAGE_TYPES, new CodeType(type)));
        } else {
            resource.setSubject(new Reference("Patient/" + careTeam.getPatientId()));
        }
        for (String practitionerId : careTeam.getPractitionerIds()) {
            resource.addParticipant().setMember(new Reference("Practitioner/" + practitionerId));
        }
        return resource;
    }

    /** A pool as the patient side sees it, to choose it as a recipient: its name, never its members. */
    public static CareTeam poolToFhir(dev.missive.directory.CareTeam pool) {
        CareTeam resource = new CareTeam();
        VersionIds.setMeta(resource, pool.getId(), pool.getVersion(), pool.getLastUpdated());
        resource.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        resource.setName(pool.getName());
        resource.addCategory(poolCategory());
        return resource;
    }

    private static boolean isPool(CareTeam resource) {
        return resource.getCategory().stream()
                .flatMap(category -> category.getCoding().stream())
                .anyMatch(coding -> MissiveFhir.CARE_TEAM_CATEGORY.equals(coding.getSystem())
                        && MissiveFhir.POOL.equals(coding.getCode()));
    }

    private static CodeableConcept poolCategory() {
        return new CodeableConcept(new Coding(MissiveFhir.CARE_TEAM_CATEGORY, MissiveFhir.POOL, "Team pool"));
    }
}
