package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import dev.missive.fhir.smart.GrantedScopes;
import dev.missive.fhir.smart.Interaction;
import dev.missive.fhir.smart.RequestedAccess;
import dev.missive.fhir.smart.ScopeContext;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.Bundle;

/**
 * SMART scopes as an upper bound: a request whose resource type and interaction no scope of
 * its token grants is a 403 naming the scope it needs, before any handler runs (Binary
 * streaming included: this hook is ordered first); resources a search includes are dropped
 * unless a scope grants reading their type. What the scopes allow, the services still decide.
 */
@Interceptor
public class ScopeEnforcement {

    /** Before the Binary streaming hook of the same pointcut, which answers some requests itself. */
    static final int FIRST = -100;

    private final ConformanceDocuments conformanceDocuments;
    private final BearerToken token = new BearerToken();

    public ScopeEnforcement(ConformanceDocuments conformanceDocuments) {
        this.conformanceDocuments = conformanceDocuments;
    }

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = FIRST)
    public boolean requireScope(RequestDetails details, HttpServletRequest request) {
        if (conformanceDocuments.isPublicRead(request.getMethod(), request.getPathInfo())) {
            return true;
        }
        GrantedScopes granted = new GrantedScopes(
                token.claim(request.getHeader("Authorization"), "scope"),
                ScopeContext.usableBy(role -> request.isUserInRole(role.roleName())));
        granted.keep(details);
        RequestedAccess.of(details).ifPresent(access -> granted.require(access.resourceType(), access.interaction()));
        return true;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void dropUngrantedIncludes(RequestDetails details, ResponseDetails response) {
        GrantedScopes.of(details).ifPresent(granted -> {
            if (response.getResponseResource() instanceof Bundle bundle) {
                bundle.getEntry()
                        .removeIf(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE
                                && !granted.allow(entry.getResource().fhirType(), Interaction.READ));
            }
        });
    }
}
