package dev.missive.search;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Deletes the searches whose next links no longer work, so that the table holds about an hour
 * of paged searches. Every node runs it; the deletes are the same rows, whichever comes first.
 */
@Singleton
public class ExpiredSearches {

    @Inject
    PagedSearchRepository searches;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    public void deleteExpired() {
        searches.deleteStoredBefore(clock.instant().minus(PagedSearches.KEPT));
    }
}
