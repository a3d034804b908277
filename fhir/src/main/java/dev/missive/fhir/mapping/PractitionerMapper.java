package dev.missive.fhir.mapping;

import dev.missive.fhir.MissiveFhir;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Practitioner;

/** Practitioner resources to and from the directory's practitioners. */
public final class PractitionerMapper {

    private PractitionerMapper() {}

    public static dev.missive.directory.Practitioner fromFhir(Practitioner resource, String id) {
        dev.missive.directory.Practitioner practitioner = new dev.missive.directory.Practitioner(id);
        PersonMapper.fromFhir(
                practitioner,
                resource.getIdentifier(),
                resource.getName(),
                resource.getTelecom(),
                !resource.hasActive() || resource.getActive());
        practitioner.setEmailNotifications(
                Extensions.flag(Extensions.single(resource, MissiveFhir.EMAIL_NOTIFICATIONS)));
        return practitioner;
    }

    public static Practitioner toFhir(dev.missive.directory.Practitioner practitioner) {
        Practitioner resource = new Practitioner();
        PersonMapper.toFhir(
                practitioner, resource, resource.getIdentifier(), resource.getName(), resource.getTelecom());
        resource.setActive(practitioner.isActive());
        resource.addExtension(MissiveFhir.EMAIL_NOTIFICATIONS, new BooleanType(practitioner.isEmailNotifications()));
        return resource;
    }
}
