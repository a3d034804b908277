package dev.missive.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A search whose next link is out: its id (the link's {@code _getpages}), the account that ran
 * it, and the search as asked, its path below the FHIR base ({@code Communication}) and its
 * query ({@code part-of:missing=true&_count=20}), to run it again.
 */
@Entity
@Table(name = "paged_search")
public class PagedSearch {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false)
    private String account;

    @Column(name = "search_path", nullable = false)
    private String path;

    @Column(name = "search_query", nullable = false, length = 8000)
    private String query;

    @Column(nullable = false)
    private Instant stored;

    protected PagedSearch() {}

    public PagedSearch(String id, String account, String path, String query, Instant stored) {
        this.id = Objects.requireNonNull(id);
        this.account = Objects.requireNonNull(account);
        this.path = Objects.requireNonNull(path);
        this.query = Objects.requireNonNull(query);
        this.stored = Objects.requireNonNull(stored);
    }

    public String getId() {
        return id;
    }

    public String getAccount() {
        return account;
    }

    public String getPath() {
        return path;
    }

    public String getQuery() {
        return query;
    }

    public Instant getStored() {
        return stored;
    }
}
