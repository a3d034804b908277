package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class AppointmentMapperTest {

    private static final Instant START = Instant.parse("2026-11-11T09:00:00Z");
    private static final Instant END = Instant.parse("2026-11-11T09:30:00Z");

    private static Appointment visit(String... actors) {
        Appointment resource = new Appointment();
        resource.setStatus(Appointment.AppointmentStatus.FULFILLED);
        resource.setStart(Date.from(START));
        resource.setEnd(Date.from(END));
        for (String actor : actors) {
            resource.addParticipant()
                    .setActor(new Reference(actor))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        return resource;
    }

    @Test
    void onePatientAndItsPractitionersComeFromTheActors() {
        dev.missive.directory.Appointment appointment = AppointmentMapper.fromFhir(
                visit("Patient/chloe", "Practitioner/drlee", "Location/room-3", "Practitioner/nursekim"), "a1");
        assertEquals("chloe", appointment.getPatientId());
        assertEquals(Set.of("drlee", "nursekim"), appointment.getPractitionerIds());
        assertEquals("fulfilled", appointment.getStatus());
        assertEquals(START, appointment.getStart());
        assertEquals(END, appointment.getEnd());
    }

    @Test
    void itReadsBackWithEveryParticipantAccepted() {
        dev.missive.directory.Appointment appointment =
                AppointmentMapper.fromFhir(visit("Patient/chloe", "Practitioner/drlee"), "a1");
        appointment.touch(END);
        Appointment resource = AppointmentMapper.toFhir(appointment);
        assertEquals(
                List.of("Patient/chloe", "Practitioner/drlee"),
                resource.getParticipant().stream()
                        .map(participant -> participant.getActor().getReference())
                        .toList());
        resource.getParticipant()
                .forEach(
                        participant -> assertEquals(Appointment.ParticipationStatus.ACCEPTED, participant.getStatus()));
        assertEquals(Date.from(START), resource.getStart());
        assertEquals(Date.from(END), resource.getEnd());
        assertEquals(Appointment.AppointmentStatus.FULFILLED, resource.getStatus());
    }

    @Test
    void exactlyOnePatientAndAStatus() {
        Appointment noStatus = visit("Patient/chloe");
        noStatus.setStatus(null);
        for (Appointment bad : List.of(
                visit("Practitioner/drlee"), visit("Patient/chloe", "Patient/ben", "Practitioner/drlee"), noStatus)) {
            assertThrows(InvalidRequestException.class, () -> AppointmentMapper.fromFhir(bad, null));
        }
    }
}
