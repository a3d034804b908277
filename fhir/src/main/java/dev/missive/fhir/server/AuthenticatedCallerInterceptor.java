package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Default deny: the servlet container authenticates the bearer token, and this refuses any
 * request that nevertheless arrives without a caller (a mapping mistake must not open the API).
 * The one exception is reading the conformance documents, which hold no health information and
 * which a client must read to learn how to get a token: the CapabilityStatement and the
 * canonical resources (the web module leaves the same paths open; SMART discovery is its own).
 */
@Interceptor
public class AuthenticatedCallerInterceptor {

    private final Set<String> canonicalTypes;

    /** {@code canonicalTypes}: the resource types of Missive's canonical resources, readable by anyone. */
    public AuthenticatedCallerInterceptor(Set<String> canonicalTypes) {
        this.canonicalTypes = Set.copyOf(canonicalTypes);
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean requireCaller(HttpServletRequest request) {
        if (request.getUserPrincipal() == null && !isPublic(request.getMethod(), request.getPathInfo())) {
            throw new AuthenticationException("A valid bearer token is required");
        }
        return true;
    }

    /** A GET (or HEAD) of {@code metadata} or of a canonical resource type, its instances and searches. */
    boolean isPublic(String method, String pathInfo) {
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
