package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import dev.missive.directory.DirectoryQuery;
import dev.missive.fhir.mapping.AppointmentMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Appointment;

/** Visits: the history that makes a practitioner eligible under the appointment policy. */
@ApplicationScoped
public class AppointmentProvider extends DirectoryProvider<Appointment, dev.missive.directory.Appointment> {

    public AppointmentProvider() {
        super(
                Appointment.class,
                dev.missive.directory.Appointment.class,
                AppointmentMapper::fromFhir,
                AppointmentMapper::toFhir);
    }

    /** Without parameters: every entry the caller may see, a page at a time. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Appointment.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Appointment.SP_PRACTITIONER) ReferenceParam practitioner) {
        return page(DirectoryQuery.ALL
                .withIdentifier(Identifiers.of(identifier))
                .withPatient(SearchParams.idOf(patient, "Patient"))
                .withPractitioner(SearchParams.idOf(practitioner, "Practitioner")));
    }
}
