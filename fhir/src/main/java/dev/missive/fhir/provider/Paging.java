package dev.missive.fhir.provider;

/** How many results a search page holds: the server's paging provider and the providers agree. */
public final class Paging {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private Paging() {}

    /** The size of the first page HAPI will ask for, given the request's {@code _count}. */
    static int firstPageSize(Integer count) {
        return count == null || count <= 0 ? DEFAULT_PAGE_SIZE : Math.min(count, MAX_PAGE_SIZE);
    }
}
