package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.Saved;
import dev.missive.fhir.mapping.VersionIds;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Resource;

/** If-Match versions in, created/updated outcomes out: shared by the directory providers. */
final class Versions {

    private Versions() {}

    /** The version an update was based on (from If-Match), or null for an unconditional update. */
    static Long expected(IIdType id) {
        if (!id.hasVersionIdPart()) {
            return null;
        }
        try {
            return VersionIds.toEntity(id.getVersionIdPart());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match must name a version of this resource");
        }
    }

    static <T> MethodOutcome outcome(Saved<T> saved, Function<T, ? extends DomainResource> toFhir) {
        return outcome(toFhir.apply(saved.entry()), saved.created());
    }

    static MethodOutcome outcome(Resource resource, boolean created) {
        MethodOutcome outcome = new MethodOutcome(
                resource.getIdElement().withVersion(resource.getMeta().getVersionId()));
        outcome.setResource(resource);
        outcome.setCreated(created);
        return outcome;
    }

    /** The id from the URL of an update; the body's id, if any, must agree with it. */
    static String idForUpdate(IIdType urlId, DomainResource body) {
        if (body.hasIdElement()
                && body.getIdElement().hasIdPart()
                && !body.getIdElement().getIdPart().equals(urlId.getIdPart())) {
            throw new InvalidRequestException("The resource id must match the id in the URL");
        }
        return urlId.getIdPart();
    }
}
