package dev.missive.search;

import jakarta.ejb.Local;
import java.time.Duration;
import java.util.Optional;

/** The searches whose next links are out, shared by every node of the cluster. */
@Local
public interface PagedSearches {

    /** How long a next link lives: a search is found for this long after it was run. */
    Duration KEPT = Duration.ofHours(1);

    /** Records the search {@code id}, run now by {@code account}; a query too long to keep is a 400. */
    void record(String id, String account, String path, String query);

    /** The search {@code id}, unless it is unknown or older than {@link #KEPT}. */
    Optional<PagedSearch> find(String id);
}
