package dev.missive.fhir.server;

import dev.missive.search.PagedSearch;
import dev.missive.search.PagedSearches;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster's record of paged searches, in memory: one instance given to two endpoints stands
 * for the database they share. A search is found until the test forgets it (as it expires).
 */
final class SearchesKept implements PagedSearches {

    private final Map<String, PagedSearch> kept = new ConcurrentHashMap<>();

    @Override
    public void record(String id, String account, String path, String query) {
        kept.put(id, new PagedSearch(id, account, path, query, Instant.now()));
    }

    @Override
    public Optional<PagedSearch> find(String id) {
        return Optional.ofNullable(kept.get(id));
    }

    /** The search is past its hour. */
    void expire(String id) {
        kept.remove(id);
    }
}
