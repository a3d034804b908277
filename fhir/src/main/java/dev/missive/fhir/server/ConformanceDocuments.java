package dev.missive.fhir.server;

import java.util.Set;

/**
 * The requests anyone may make without a token, because they hold no health information and a
 * client must make them to learn how to get one: a GET (or HEAD) of {@code metadata} or of a
 * canonical resource type, one of its instances or a search of it. The web module's
 * {@code web.xml} opens the same paths; SMART discovery is its own servlet there.
 */
public final class ConformanceDocuments {

    private final Set<String> canonicalTypes;

    /** {@code canonicalTypes}: the resource types of Missive's canonical resources. */
    public ConformanceDocuments(Set<String> canonicalTypes) {
        this.canonicalTypes = Set.copyOf(canonicalTypes);
    }

    /** {@code pathInfo}: the path below the FHIR base, as the servlet container gives it. */
    public boolean isPublicRead(String method, String pathInfo) {
        if (!"GET".equals(method) && !"HEAD".equals(method) || pathInfo == null || !pathInfo.startsWith("/")) {
            return false;
        }
        String[] segments = pathInfo.substring(1).split("/", -1);
        if (segments.length == 1 && "metadata".equals(segments[0])) {
            return true;
        }
        return canonicalTypes.contains(segments[0]) && segments.length <= 2 && !pathInfo.contains("$");
    }
}
