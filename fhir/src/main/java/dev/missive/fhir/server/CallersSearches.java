package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.BasePagingProvider;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.util.UrlUtil;
import dev.missive.search.PagedSearch;
import dev.missive.search.PagedSearches;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The paged searches, each its searcher's, whichever node of the cluster a page request reaches.
 * A search with a next link is recorded in the database (its id, account, path and query) and
 * held in this node's memory (the latest {@code size}). A page request is checked against the
 * record: an unknown or expired search, or another account's, is 410. (A held search keeps its
 * first page as read for its account: without the check, a next link with
 * {@code _getpagesoffset=0} showed it to whoever sent it — found by the fuzzer, benchmark/fuzz.sh.)
 * A node that does not hold the search runs it again, through the server itself as a
 * {@link SearchReplay} by the page request's caller, and holds it under the same id.
 */
@Interceptor
final class CallersSearches extends BasePagingProvider {

    /** Before the translation of failures into answers ({@link ServiceExceptionInterceptor}). */
    private static final int BEFORE_TRANSLATION = -1;

    private static final String POST_SEARCH = "/_search";

    private final PagedSearches recorded;
    private final Map<String, IBundleProvider> held;

    CallersSearches(int size, PagedSearches recorded) {
        this.recorded = recorded;
        this.held = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, IBundleProvider> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * A search without an account (a public conformance search) gets no next link: a page is asked
     * for with a token, whose account is never the search's.
     */
    @Override
    public String storeResultList(RequestDetails request, IBundleProvider results) {
        HttpServletRequest servlet = ((ServletRequestDetails) request).getServletRequest();
        if (servlet instanceof SearchReplay replay) {
            hold(replay.searchId(), results);
            return replay.searchId();
        }
        Principal principal = servlet.getUserPrincipal();
        if (principal == null) {
            return null;
        }
        String id = UUID.randomUUID().toString();
        recorded.record(id, principal.getName(), path(request), query(request.getParameters()));
        hold(id, results);
        return id;
    }

    @Override
    public IBundleProvider retrieveResultList(RequestDetails request, String id) {
        ServletRequestDetails page = (ServletRequestDetails) request;
        Principal principal = page.getServletRequest().getUserPrincipal();
        Optional<PagedSearch> search = principal == null
                ? Optional.empty()
                : recorded.find(id).filter(found -> found.getAccount().equals(principal.getName()));
        if (search.isEmpty()) {
            return null;
        }
        IBundleProvider results = held(id);
        return results != null ? results : replay(page, search.get());
    }

    /**
     * The search of a page request, run again on this node: held once run, unless it has no
     * second page now (then null: 410, as an expired search, and the client runs it again).
     */
    private IBundleProvider replay(ServletRequestDetails page, PagedSearch search) {
        SearchReplay replay = new SearchReplay(page.getServletRequest(), search);
        try {
            page.getServer().service(replay, new DiscardedResponse());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException("The search could not be run again", e);
        }
        replay.rethrowFailure();
        return held(search.getId());
    }

    /**
     * What a search run again fails with (a token without the scope now, a thread the caller no
     * longer sees, the database away) is the page request's to answer and log, once: here it is
     * kept, and what this hook returns is written to the discarded response only.
     */
    @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = BEFORE_TRANSLATION)
    public BaseServerResponseException keepReplayFailure(HttpServletRequest request, Throwable thrown) {
        if (request instanceof SearchReplay replay) {
            replay.failed(thrown);
            return new InternalErrorException("Answered by the page request");
        }
        return null;
    }

    private synchronized void hold(String id, IBundleProvider results) {
        held.put(id, results);
    }

    private synchronized IBundleProvider held(String id) {
        return held.get(id);
    }

    /** Below the FHIR base; a search posted to {@code Type/_search} is the same search as a GET of {@code Type}. */
    private static String path(RequestDetails request) {
        String path = request.getRequestPath();
        return path.endsWith(POST_SEARCH) ? path.substring(0, path.length() - POST_SEARCH.length()) : path;
    }

    /** Every parameter as the search was asked (a posted search's too), {@code _count} among them. */
    private static String query(Map<String, String[]> parameters) {
        return parameters.entrySet().stream()
                .flatMap(parameter -> Arrays.stream(parameter.getValue())
                        .map(value -> UrlUtil.escapeUrlParam(parameter.getKey()) + "=" + UrlUtil.escapeUrlParam(value)))
                .collect(Collectors.joining("&"));
    }
}
