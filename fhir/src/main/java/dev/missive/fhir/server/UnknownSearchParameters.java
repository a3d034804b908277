package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.rest.server.method.BaseQueryParameter;
import ca.uhn.fhir.rest.server.method.IParameter;
import ca.uhn.fhir.rest.server.method.RawParamsParameter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Refuses a search that names a parameter the search does not support, with a 400 that names it.
 * HAPI would otherwise drop it silently, and a client filtering by it would take a wider answer
 * for the one it asked for.
 */
@Interceptor
public class UnknownSearchParameters {

    /** Parameters the server answers for every search (format, paging, what to return). */
    private static final Set<String> EVERY_SEARCH = Set.of(
            Constants.PARAM_FORMAT,
            Constants.PARAM_PRETTY,
            Constants.PARAM_SUMMARY,
            Constants.PARAM_ELEMENTS,
            Constants.PARAM_COUNT);

    private static final Pattern INCLUDE = Pattern.compile("\\*|[A-Z][A-Za-z]*:[A-Za-z][\\w-]*(:[A-Z][A-Za-z]*)?");

    private final RestfulServer server;

    public UnknownSearchParameters(RestfulServer server) {
        this.server = server;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void refuseUnknown(RequestDetails request, RestOperationTypeEnum operation) {
        if (operation == RestOperationTypeEnum.GET_PAGE) {
            refuseUnreadableIncludes(request);
            return;
        }
        if (operation != RestOperationTypeEnum.SEARCH_TYPE && operation != RestOperationTypeEnum.SEARCH_SYSTEM) {
            return;
        }
        BaseMethodBinding search = server.determineResourceMethod(request, request.getRequestPath());
        List<IParameter> declared = search.getParameters();
        if (declared.stream().anyMatch(RawParamsParameter.class::isInstance)) {
            return;
        }
        Set<String> known = new HashSet<>(EVERY_SEARCH);
        declared.stream()
                .filter(BaseQueryParameter.class::isInstance)
                .map(parameter -> ((BaseQueryParameter) parameter).getName())
                .forEach(known::add);
        Set<String> unknown = new TreeSet<>();
        for (String asked : request.getParameters().keySet()) {
            if (!known.contains(baseName(asked))) {
                unknown.add(asked);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("This search does not support the parameter(s) "
                    + String.join(", ", unknown) + "; supported: " + String.join(", ", new TreeSet<>(known)));
        }
    }

    /**
     * A next page is built with the {@code _include}s its request names, which a search's own
     * binding would have checked: one HAPI cannot read as {@code Type:parameter} (":", "") failed
     * the page with a 500 (found by the fuzzer).
     */
    private static void refuseUnreadableIncludes(RequestDetails request) {
        for (Map.Entry<String, String[]> parameter : request.getParameters().entrySet()) {
            String name = baseName(parameter.getKey());
            if (!name.equals(Constants.PARAM_INCLUDE) && !name.equals(Constants.PARAM_REVINCLUDE)) {
                continue;
            }
            for (String include : parameter.getValue()) {
                if (!INCLUDE.matcher(include).matches()) {
                    throw new InvalidRequestException(
                            parameter.getKey() + " is * or Type:parameter, optionally :TargetType");
                }
            }
        }
    }

    /** {@code part-of:missing} and {@code subject.name} are the parameters part-of and subject. */
    private static String baseName(String asked) {
        int end = asked.length();
        for (char separator : new char[] {':', '.'}) {
            int at = asked.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return asked.substring(0, end);
    }
}
