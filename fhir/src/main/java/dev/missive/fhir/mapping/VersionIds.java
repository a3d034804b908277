package dev.missive.fhir.mapping;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR version ids start at 1; the entities' optimistic-lock versions start at 0. This is the
 * one place that knows the two differ by one.
 */
public final class VersionIds {

    private VersionIds() {}

    public static String toFhir(long entityVersion) {
        return Long.toString(entityVersion + 1);
    }

    /** The entity version an If-Match version id stands for. */
    public static long toEntity(String versionId) {
        return Long.parseLong(versionId) - 1;
    }

    static void setMeta(Resource resource, String id, long entityVersion, Instant lastUpdated) {
        resource.setId(id);
        resource.getMeta().setVersionId(toFhir(entityVersion));
        resource.getMeta().setLastUpdated(Date.from(lastUpdated));
    }
}
