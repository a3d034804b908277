package dev.missive.fhir.server;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The patients a request's resources are about, for the audit trail to tell for which patient a
 * proxy acted: a Patient itself, or the Patient its {@code subject} or {@code patient} refers to
 * (Communication, CareTeam, EpisodeOfCare, Consent, RelatedPerson), for each entry of a Bundle.
 * Works on any resource type, including ones added later.
 */
final class ConcernedPatients {

    private static final String PATIENT = "Patient";
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private ConcernedPatients() {}

    static Set<String> of(IBaseResource... resources) {
        Set<String> patients = new LinkedHashSet<>();
        for (IBaseResource resource : resources) {
            if (resource instanceof Bundle bundle) {
                bundle.getEntry().forEach(entry -> add(entry.getResource(), patients));
            } else {
                add(resource, patients);
            }
        }
        return patients;
    }

    private static void add(IBaseResource resource, Set<String> patients) {
        if (resource == null) {
            return;
        }
        if (PATIENT.equals(CONTEXT.getResourceType(resource))) {
            if (resource.getIdElement().getIdPart() != null) {
                patients.add(resource.getIdElement().getIdPart());
            }
            return;
        }
        RuntimeResourceDefinition definition = CONTEXT.getResourceDefinition(resource);
        for (String element : new String[] {"subject", "patient"}) {
            BaseRuntimeChildDefinition child = definition.getChildByName(element);
            if (child != null) {
                child.getAccessor().getValues(resource).stream()
                        .filter(IBaseReference.class::isInstance)
                        .map(value -> ((IBaseReference) value).getReferenceElement())
                        .filter(reference ->
                                PATIENT.equals(reference.getResourceType()) && reference.getIdPart() != null)
                        .forEach(reference -> patients.add(reference.getIdPart()));
            }
        }
    }
}
