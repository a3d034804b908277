package dev.missive.search;

import dev.missive.security.Roles;
import dev.missive.service.ColumnLimits;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultPagedSearches implements PagedSearches {

    @Inject
    PagedSearchRepository searches;

    @Inject
    Clock clock;

    @Override
    public void record(String id, String account, String path, String query) {
        PagedSearch search = new PagedSearch(id, account, path, query, clock.instant());
        ColumnLimits.check(search, "The paged search");
        searches.add(search);
    }

    @Override
    public Optional<PagedSearch> find(String id) {
        // until the sweep has run, an expired row is still there
        return searches.find(id)
                .filter(search -> search.getStored().isAfter(clock.instant().minus(KEPT)));
    }
}
