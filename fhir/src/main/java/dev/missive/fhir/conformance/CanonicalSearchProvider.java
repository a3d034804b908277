package dev.missive.fhir.conformance;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationDefinition;

/**
 * Searches Missive's canonical resources of one type: all of them, or the one with a canonical
 * url ({@code ?url=}, optionally {@code url|version}). OperationDefinitions get only this: their
 * read is answered by the CapabilityStatement provider, which also serves HAPI's generated
 * definition of any operation Missive has not defined itself.
 */
public class CanonicalSearchProvider implements IResourceProvider {

    final ConformanceResources conformance;
    final Class<? extends MetadataResource> type;

    CanonicalSearchProvider(ConformanceResources conformance, Class<? extends MetadataResource> type) {
        this.conformance = conformance;
        this.type = type;
    }

    /** One provider for each type of canonical resource Missive has. */
    public static List<IResourceProvider> forEachType(ConformanceResources conformance) {
        List<IResourceProvider> providers = new ArrayList<>();
        for (Class<? extends MetadataResource> type : conformance.types()) {
            providers.add(
                    type == OperationDefinition.class
                            ? new CanonicalSearchProvider(conformance, type)
                            : new CanonicalResourceProvider(conformance, type));
        }
        return providers;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Search
    public List<IBaseResource> all() {
        return List.copyOf(conformance.all(type));
    }

    @Search
    public List<IBaseResource> byUrl(@RequiredParam(name = "url") UriParam url) {
        if (url.getQualifier() != null || url.getValue() == null) {
            throw new InvalidRequestException("url takes a canonical url, without a modifier");
        }
        return conformance
                .byCanonical(type, url.getValue())
                .<List<IBaseResource>>map(List::of)
                .orElse(List.of());
    }
}
