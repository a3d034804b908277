package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.domain.Party;
import dev.missive.security.CallerContext;
import dev.missive.service.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side a staff member who is also a patient acts on, as the request says: the header
 * {@value #HEADER} names one of the account's own entries, {@code Patient/{id}} or
 * {@code Practitioner/{id}}. Without it the account acts as it always has (a practitioner
 * account as its Practitioner). The services check that the entry is the account's (403
 * otherwise); here only its form (400).
 */
@Interceptor
public class ActingAsHeader {

    public static final String HEADER = "X-Missive-Acting-As";

    private static final Pattern ENTRY = Pattern.compile("(Patient|Practitioner)/([A-Za-z0-9\\-.]{1,64})");

    private final CallerContext callers;

    public ActingAsHeader(CallerContext callers) {
        this.callers = callers;
    }

    /** After the token's scopes are checked, before any handler asks who the caller is. */
    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = ScopeEnforcement.FIRST + 1)
    public boolean chooseEntry(HttpServletRequest request) {
        String named = request.getHeader(HEADER);
        if (named == null || request.getUserPrincipal() == null) {
            return true;
        }
        Matcher entry = ENTRY.matcher(named.trim());
        if (!entry.matches()) {
            throw new InvalidRequestException(HEADER + " must name the caller's own Patient/{id} or Practitioner/{id}");
        }
        try {
            callers.actAs(
                    entry.group(1).equals("Patient")
                            ? Party.patient(entry.group(2))
                            : Party.practitioner(entry.group(2)));
        } catch (ForbiddenException refused) {
            // as HAPI's own refusal: a hook that throws anything else is logged as an error with its stack
            throw new ForbiddenOperationException(refused.getMessage());
        }
        return true;
    }
}
