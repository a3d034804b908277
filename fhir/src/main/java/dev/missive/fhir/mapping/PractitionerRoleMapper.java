package dev.missive.fhir.mapping;

import dev.missive.fhir.MissiveFhir;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * PractitionerRole resources to and from what a practitioner does as far as messaging goes: the
 * code {@code practitioner-role#portal-messaging} makes them available for portal messages, the
 * {@code charges-for-messages} extension says they bill for them, and each {@code message-types}
 * extension names a message type they take (none: every type). Other codes are not kept.
 */
public final class PractitionerRoleMapper {

    private PractitionerRoleMapper() {}

    public static dev.missive.directory.PractitionerRole fromFhir(PractitionerRole resource, String id) {
        dev.missive.directory.PractitionerRole role = new dev.missive.directory.PractitionerRole(id);
        DirectoryMapping.fromFhir(resource.getIdentifier(), role);
        role.setPractitionerId(
                References.idOf(resource.getPractitioner(), "Practitioner", "PractitionerRole.practitioner"));
        role.setActive(!resource.hasActive() || resource.getActive());
        role.setPeriod(DirectoryMapping.fromFhir(resource.getPeriod()));
        role.setPortalMessaging(resource.getCode().stream()
                .flatMap(code -> code.getCoding().stream())
                .anyMatch(coding -> MissiveFhir.PRACTITIONER_ROLE.equals(coding.getSystem())
                        && MissiveFhir.PORTAL_MESSAGING.equals(coding.getCode())));
        role.setChargesForMessages(Extensions.flag(Extensions.single(resource, MissiveFhir.CHARGES_FOR_MESSAGES)));
        role.getMessageTypes().addAll(DirectoryMapping.messageTypes(resource));
        return role;
    }

    public static PractitionerRole toFhir(dev.missive.directory.PractitionerRole role) {
        PractitionerRole resource = new PractitionerRole();
        DirectoryMapping.toFhir(role, resource, resource.getIdentifier());
        resource.setPractitioner(new Reference("Practitioner/" + role.getPractitionerId()));
        resource.setActive(role.isActive());
        resource.setPeriod(DirectoryMapping.toFhir(role.getPeriod()));
        if (role.isPortalMessaging()) {
            resource.addCode(new CodeableConcept(new Coding(
                    MissiveFhir.PRACTITIONER_ROLE, MissiveFhir.PORTAL_MESSAGING, "Available for portal messages")));
        }
        resource.addExtension(MissiveFhir.CHARGES_FOR_MESSAGES, new BooleanType(role.isChargesForMessages()));
        role.getMessageTypes().forEach(type -> resource.addExtension(MissiveFhir.MESSAGE_TYPES, new CodeType(type)));
        return resource;
    }
}
