package dev.missive.search;

import java.time.Instant;
import java.util.Optional;

public interface PagedSearchRepository {

    void add(PagedSearch search);

    Optional<PagedSearch> find(String id);

    /** Deletes the searches run before {@code cutoff}. */
    void deleteStoredBefore(Instant cutoff);
}
