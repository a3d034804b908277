package dev.missive.fhir.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dev.missive.fhir.MissiveFhir;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.SearchParameter;

/**
 * Missive's canonical resources, read once from the JSON files named in
 * {@code conformance/index.txt}. A file that does not parse, lies outside Missive's canonical
 * base or repeats an id stops the server at start-up rather than serving a wrong definition.
 * Callers get copies: what HAPI does to a response never changes the loaded definitions.
 */
public final class ConformanceResources {

    static final String DIRECTORY = "conformance/";
    static final String INDEX = DIRECTORY + "index.txt";

    private final List<MetadataResource> resources;

    ConformanceResources(List<MetadataResource> resources) {
        Set<String> ids = new HashSet<>();
        for (MetadataResource resource : resources) {
            String id = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
            if (!ids.add(id)) {
                throw new IllegalStateException("Two canonical resources have the id " + id);
            }
            if (!resource.getUrl().startsWith(MissiveFhir.BASE + "/" + resource.fhirType() + "/")) {
                throw new IllegalStateException(id + " has a url outside " + MissiveFhir.BASE);
            }
        }
        this.resources = List.copyOf(resources);
    }

    /** Reads every file the index names, from this module's classpath. */
    public static ConformanceResources load() {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        return new ConformanceResources(fileNames().stream()
                .map(name -> {
                    try (InputStream in = open(DIRECTORY + name)) {
                        return (MetadataResource) parser.parseResource(in);
                    } catch (IOException | ClassCastException e) {
                        throw new IllegalStateException("Cannot load the canonical resource " + name, e);
                    }
                })
                .toList());
    }

    /** The file names in the index, one a line. */
    static List<String> fileNames() {
        try (BufferedReader index = new BufferedReader(new InputStreamReader(open(INDEX), StandardCharsets.UTF_8))) {
            return index.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = ConformanceResources.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing on the classpath: " + path);
        }
        return in;
    }

    /** Every resource, as copies. */
    public List<MetadataResource> all() {
        return resources.stream().map(MetadataResource::copy).toList();
    }

    /** The resource types present, such as CodeSystem. */
    public Set<Class<? extends MetadataResource>> types() {
        Set<Class<? extends MetadataResource>> types = new LinkedHashSet<>();
        resources.forEach(resource -> types.add(resource.getClass()));
        return types;
    }

    /** The FHIR names of {@link #types()}: {@code CodeSystem}, {@code StructureDefinition}, ... */
    public Set<String> typeNames() {
        Set<String> names = new LinkedHashSet<>();
        resources.forEach(resource -> names.add(resource.fhirType()));
        return names;
    }

    public <T extends MetadataResource> List<T> all(Class<T> type) {
        return stream(type).map(type::cast).map(this::copy).toList();
    }

    public <T extends MetadataResource> Optional<T> byId(Class<T> type, String id) {
        return stream(type)
                .filter(resource -> resource.getIdElement().getIdPart().equals(id))
                .findFirst()
                .map(type::cast)
                .map(this::copy);
    }

    /** By canonical url, optionally with {@code |version}. */
    public <T extends MetadataResource> Optional<T> byCanonical(Class<T> type, String canonical) {
        int bar = canonical.indexOf('|');
        String url = bar < 0 ? canonical : canonical.substring(0, bar);
        String version = bar < 0 ? null : canonical.substring(bar + 1);
        return stream(type)
                .filter(resource -> resource.getUrl().equals(url))
                .filter(resource -> version == null || version.equals(resource.getVersion()))
                .findFirst()
                .map(type::cast)
                .map(this::copy);
    }

    /**
     * The OperationDefinition of the operation with that code on that resource type, or on the
     * whole server when the type is null.
     */
    public Optional<OperationDefinition> operation(String resourceType, String code) {
        return stream(OperationDefinition.class)
                .map(OperationDefinition.class::cast)
                .filter(operation -> operation.getCode().equals(code))
                .filter(operation -> resourceType == null
                        ? operation.getSystem()
                        : operation.getResource().stream().anyMatch(type -> resourceType.equals(type.getValue())))
                .findFirst()
                .map(this::copy);
    }

    /** Missive's SearchParameter with that code on that resource type. */
    public Optional<SearchParameter> searchParameter(String resourceType, String code) {
        return stream(SearchParameter.class)
                .map(SearchParameter.class::cast)
                .filter(parameter -> parameter.getCode().equals(code))
                .filter(parameter ->
                        parameter.getBase().stream().anyMatch(type -> resourceType.equals(type.getValue())))
                .findFirst()
                .map(this::copy);
    }

    private Stream<MetadataResource> stream(Class<? extends MetadataResource> type) {
        return resources.stream().filter(type::isInstance);
    }

    @SuppressWarnings("unchecked")
    private <T extends MetadataResource> T copy(T resource) {
        return (T) resource.copy();
    }
}
