package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import dev.missive.directory.DirectoryQuery;
import dev.missive.fhir.mapping.PatientMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Patient;

/** Patients: found by identifier, and by name (any part, any case) as a practitioner looks up their patients. */
@ApplicationScoped
public class PatientProvider extends DirectoryProvider<Patient, dev.missive.directory.Patient> {

    public PatientProvider() {
        super(Patient.class, dev.missive.directory.Patient.class, PatientMapper::fromFhir, PatientMapper::toFhir);
    }

    /** Without parameters: every entry the caller may see, a page at a time. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_NAME) StringParam name) {
        return page(
                DirectoryQuery.ALL.withIdentifier(Identifiers.of(identifier)).withName(SearchParams.text(name)));
    }
}
