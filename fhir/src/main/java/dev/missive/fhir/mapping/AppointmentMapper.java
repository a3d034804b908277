package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;

/**
 * Appointment resources to and from the visits that make a practitioner eligible: status, start
 * and end, exactly one Patient and any number of Practitioners among the participants' actors.
 * Other actors (locations, devices) and the participants' own statuses are not kept.
 */
public final class AppointmentMapper {

    private AppointmentMapper() {}

    public static dev.missive.directory.Appointment fromFhir(Appointment resource, String id) {
        dev.missive.directory.Appointment appointment = new dev.missive.directory.Appointment(id);
        DirectoryMapping.fromFhir(resource.getIdentifier(), appointment);
        if (!resource.hasStatus()) {
            throw new InvalidRequestException("Appointment.status is required");
        }
        appointment.setStatus(resource.getStatus().toCode());
        appointment.setStart(resource.hasStart() ? resource.getStart().toInstant() : null);
        appointment.setEnd(resource.hasEnd() ? resource.getEnd().toInstant() : null);
        List<Reference> actors = resource.getParticipant().stream()
                .map(Appointment.AppointmentParticipantComponent::getActor)
                .toList();
        List<Reference> patients = actors.stream()
                .filter(actor -> References.isTo(actor, "Patient"))
                .toList();
        if (patients.size() != 1) {
            throw new InvalidRequestException("Appointment.participant must name exactly one Patient");
        }
        appointment.setPatientId(patients.get(0).getReferenceElement().getIdPart());
        actors.stream()
                .filter(actor -> References.isTo(actor, "Practitioner"))
                .forEach(actor -> appointment
                        .getPractitionerIds()
                        .add(actor.getReferenceElement().getIdPart()));
        return appointment;
    }

    public static Appointment toFhir(dev.missive.directory.Appointment appointment) {
        Appointment resource = new Appointment();
        DirectoryMapping.toFhir(appointment, resource, resource.getIdentifier());
        resource.setStatus(Appointment.AppointmentStatus.fromCode(appointment.getStatus()));
        if (appointment.getStart() != null) {
            resource.setStart(Date.from(appointment.getStart()));
        }
        if (appointment.getEnd() != null) {
            resource.setEnd(Date.from(appointment.getEnd()));
        }
        participant(resource, "Patient/" + appointment.getPatientId());
        appointment.getPractitionerIds().forEach(id -> participant(resource, "Practitioner/" + id));
        return resource;
    }

    private static void participant(Appointment resource, String reference) {
        resource.addParticipant()
                .setActor(new Reference(reference))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
    }
}
