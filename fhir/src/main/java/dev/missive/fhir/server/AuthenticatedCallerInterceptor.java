package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Default deny: the servlet container authenticates the bearer token, and this refuses any
 * request that nevertheless arrives without a caller (a mapping mistake must not open the API),
 * but for reading the {@link ConformanceDocuments}.
 */
@Interceptor
public class AuthenticatedCallerInterceptor {

    private final ConformanceDocuments conformanceDocuments;

    public AuthenticatedCallerInterceptor(ConformanceDocuments conformanceDocuments) {
        this.conformanceDocuments = conformanceDocuments;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean requireCaller(HttpServletRequest request) {
        if (request.getUserPrincipal() == null
                && !conformanceDocuments.isPublicRead(request.getMethod(), request.getPathInfo())) {
            throw new AuthenticationException("A valid bearer token is required");
        }
        return true;
    }
}
