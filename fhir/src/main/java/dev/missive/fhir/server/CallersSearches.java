package dev.missive.fhir.server;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The paged searches the server keeps (the latest {@code size}), each for the account that ran
 * it: a next link in anyone else's hands is answered as an unknown or expired search (410).
 * A kept search holds its first page as read for that account (and the drafts search all of its
 * results), so without this a next link with {@code _getpagesoffset=0} showed them to whoever
 * sent it (found by the fuzzer, benchmark/fuzz.sh: Ben's thread read with Dr Patel's token).
 */
final class CallersSearches extends FifoMemoryPagingProvider {

    private final Map<String, String> accounts;

    CallersSearches(int size) {
        super(size);
        this.accounts = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > size;
            }
        };
    }

    @Override
    public synchronized String storeResultList(RequestDetails request, IBundleProvider results) {
        String id = super.storeResultList(request, results);
        accounts.put(id, account(request));
        return id;
    }

    @Override
    public synchronized IBundleProvider retrieveResultList(RequestDetails request, String id) {
        IBundleProvider results = super.retrieveResultList(request, id);
        if (results == null || !accounts.containsKey(id) || !Objects.equals(accounts.get(id), account(request))) {
            return null;
        }
        return results;
    }

    /** The signed-in account's name, or null for a request without one (a public conformance search). */
    private static String account(RequestDetails request) {
        if (request instanceof ServletRequestDetails servlet) {
            Principal principal = servlet.getServletRequest().getUserPrincipal();
            return principal == null ? null : principal.getName();
        }
        return null;
    }
}
