package dev.missive.fhir.mapping;

import dev.missive.fhir.MissiveFhir;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * Patient resources to and from the directory's patients. {@code Patient.link} (replaced-by) is
 * written from the merge state and never read back: only {@code $merge} and {@code $unmerge} change it.
 */
public final class PatientMapper {

    private static final String BCP47 = "urn:ietf:bcp:47";

    private PatientMapper() {}

    public static dev.missive.directory.Patient fromFhir(Patient resource, String id) {
        dev.missive.directory.Patient patient = new dev.missive.directory.Patient(id);
        PersonMapper.fromFhir(
                patient,
                resource.getIdentifier(),
                resource.getName(),
                resource.getTelecom(),
                !resource.hasActive() || resource.getActive());
        if (resource.hasBirthDate()) {
            patient.setBirthDate(resource.getBirthDateElement()
                    .getValueAsCalendar()
                    .toZonedDateTime()
                    .withZoneSameLocal(ZoneOffset.UTC)
                    .toLocalDate());
        }
        patient.setDoNotEmail(Extensions.flag(Extensions.single(resource, MissiveFhir.DO_NOT_EMAIL)));
        resource.getCommunication().stream()
                .filter(Patient.PatientCommunicationComponent::getPreferred)
                .findFirst()
                .or(() -> resource.getCommunication().stream().findFirst())
                .flatMap(communication -> communication.getLanguage().getCoding().stream()
                        .filter(coding -> BCP47.equals(coding.getSystem()))
                        .findFirst())
                .ifPresent(coding -> patient.setLocale(coding.getCode()));
        return patient;
    }

    public static Patient toFhir(dev.missive.directory.Patient patient) {
        Patient resource = new Patient();
        PersonMapper.toFhir(patient, resource, resource.getIdentifier(), resource.getName(), resource.getTelecom());
        resource.setActive(patient.isActive());
        if (patient.getBirthDate() != null) {
            resource.setBirthDateElement(new DateType(patient.getBirthDate().toString()));
        }
        if (patient.isDoNotEmail()) {
            resource.addExtension(MissiveFhir.DO_NOT_EMAIL, new BooleanType(true));
        }
        if (patient.isMergedAway()) {
            resource.addLink()
                    .setType(Patient.LinkType.REPLACEDBY)
                    .setOther(new Reference("Patient/" + patient.getReplacedBy()));
        }
        if (patient.getLocale() != null) {
            resource.addCommunication()
                    .setPreferred(true)
                    .setLanguage(new CodeableConcept(new Coding(BCP47, patient.getLocale(), null)));
        }
        return resource;
    }
}
