package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * Search results fetched one page at a time: HAPI asks for the slice it is about to return,
 * and each slice is one query, with the caller's visibility applied by the service. The first
 * page read with the total is handed out once, for the request that read it: a search kept for
 * its next link (a thousand of them) would otherwise hold its first page's resources for as long.
 */
final class PagedResults implements IBundleProvider {

    @FunctionalInterface
    interface PageQuery {
        List<? extends IBaseResource> fetch(int offset, int limit);
    }

    private final int size;
    private volatile List<? extends IBaseResource> firstPage;
    private final PageQuery query;
    private final String uuid = UUID.randomUUID().toString();
    private final InstantType published = new InstantType(new Date());

    PagedResults(long size, PageQuery query) {
        this(size, List.of(), query);
    }

    /** With the first results already read (with the total, in the same call). */
    PagedResults(long size, List<? extends IBaseResource> firstPage, PageQuery query) {
        this.size = (int) Math.min(size, Integer.MAX_VALUE);
        this.firstPage = firstPage;
        this.query = query;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int from = Math.max(0, fromIndex);
        int to = Math.min(size, toIndex);
        if (to <= from) {
            return List.of();
        }
        List<? extends IBaseResource> read = firstPage;
        if (from == 0 && !read.isEmpty() && (to <= read.size() || read.size() == size)) {
            firstPage = List.of();
            return List.copyOf(read.subList(0, Math.min(to, read.size())));
        }
        return List.copyOf(query.fetch(from, to - from));
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public Integer preferredPageSize() {
        return null;
    }

    @Override
    public Integer size() {
        return size;
    }
}
