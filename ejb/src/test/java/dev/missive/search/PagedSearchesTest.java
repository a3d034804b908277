package dev.missive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.service.InvalidRequestException;
import dev.missive.testing.TestClinic;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagedSearchesTest {

    private final TestClinic clinic = new TestClinic();
    private final PagedSearches searches = clinic.bean(PagedSearches.class);

    @Test
    void aSearchIsFoundAsRecordedForAnHour() {
        clinic.actAs("drlee");
        searches.record("s1", "drlee", "Communication", "part-of%3Amissing=true&_count=20");

        PagedSearch found = searches.find("s1").orElseThrow();
        assertEquals(
                List.of("s1", "drlee", "Communication", "part-of%3Amissing=true&_count=20", clinic.clock.instant()),
                List.of(found.getId(), found.getAccount(), found.getPath(), found.getQuery(), found.getStored()));
        clinic.later(PagedSearches.KEPT.minusSeconds(1));
        assertTrue(searches.find("s1").isPresent(), "still there just before the hour is out");
        clinic.later(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), searches.find("s1"), "expired, even before the sweep");
        assertEquals(Optional.empty(), searches.find("unknown"));
    }

    @Test
    void theSweepDeletesOnlyTheExpired() {
        clinic.actAs("drlee");
        searches.record("old", "drlee", "Communication", "part-of%3Amissing=true");
        clinic.later(Duration.ofMinutes(30));
        searches.record("recent", "drlee", "Communication", "part-of%3Amissing=true");
        clinic.later(Duration.ofMinutes(31));

        clinic.inTransaction(clinic.bean(ExpiredSearches.class)::deleteExpired);

        assertEquals(
                List.of("recent"),
                clinic.bean(EntityManager.class)
                        .createQuery("select s.id from PagedSearch s", String.class)
                        .getResultList());
    }

    @Test
    void aQueryTooLongToKeepIsRefused() {
        clinic.actAs("drlee");
        assertThrows(
                InvalidRequestException.class,
                () -> searches.record("s1", "drlee", "Communication", "_content=" + "a".repeat(8000)));
    }
}
