package dev.missive.fhir.conformance;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MetadataResource;

/** Reads and searches Missive's canonical resources of one type, such as CodeSystem/message-type. */
public class CanonicalResourceProvider extends CanonicalSearchProvider {

    CanonicalResourceProvider(ConformanceResources conformance, Class<? extends MetadataResource> type) {
        super(conformance, type);
    }

    @Read
    public IBaseResource read(@IdParam IdType id) {
        return conformance.byId(type, id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    }
}
