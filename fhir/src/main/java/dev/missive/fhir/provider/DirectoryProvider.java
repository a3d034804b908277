package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import dev.missive.directory.DirectoryEntry;
import dev.missive.directory.DirectoryQuery;
import dev.missive.directory.DirectoryService;
import jakarta.ejb.EJB;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * What every directory resource offers, each one call to the {@link DirectoryService}: create
 * (with {@code If-None-Exist: identifier=system|value}, a retry finds what the first try made:
 * 200 and nothing written), update with {@code If-Match}, read, and paged searches. Each type
 * adds its {@code @Search} with the parameters it supports.
 *
 * @param <R> the FHIR resource
 * @param <E> the directory entry it maps to
 */
abstract class DirectoryProvider<R extends DomainResource, E extends DirectoryEntry> implements IResourceProvider {

    @EJB
    DirectoryService directory;

    private final Class<R> resourceType;
    private final Class<E> entryType;
    private final BiFunction<R, String, E> fromFhir;
    private final Function<E, R> toFhir;

    DirectoryProvider(
            Class<R> resourceType, Class<E> entryType, BiFunction<R, String, E> fromFhir, Function<E, R> toFhir) {
        this.resourceType = resourceType;
        this.entryType = entryType;
        this.fromFhir = fromFhir;
        this.toFhir = toFhir;
    }

    @Override
    public Class<R> getResourceType() {
        return resourceType;
    }

    @Create
    public MethodOutcome create(@ResourceParam R resource, @ConditionalUrlParam String ifNoneExist) {
        return Versions.outcome(
                directory.create(fromFhir.apply(resource, null), Identifiers.ifNoneExist(ifNoneExist)), toFhir);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam R resource) {
        return Versions.outcome(
                directory.save(fromFhir.apply(resource, Versions.idForUpdate(id, resource)), Versions.expected(id)),
                toFhir);
    }

    @Read
    public R read(@IdParam IdType id) {
        return toFhir.apply(directory.read(entryType, id.getIdPart()));
    }

    /** The entries that match and that the caller may see, a page at a time. */
    IBundleProvider page(DirectoryQuery query) {
        return new PagedResults(
                directory.count(entryType, query),
                (offset, limit) -> directory.search(entryType, query, offset, limit).stream()
                        .map(toFhir)
                        .toList());
    }
}
