package dev.missive.fhir.provider;

import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.service.Page;
import dev.missive.thread.InboxCursor;
import dev.missive.thread.InboxFilter;
import dev.missive.thread.ReadingService;
import dev.missive.thread.ThreadView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Communication;

/**
 * An inbox search, paged the way a person reads it: each next page continues right after the
 * last thread of the page before (keyset), so threads that move to the top meanwhile are
 * neither shown twice nor push others out of sight. Only a jump to an arbitrary page counts
 * by offset.
 */
final class InboxResults {

    private InboxResults() {}

    /** Reads the first page with the total, in one call: what almost every inbox request shows. */
    static PagedResults of(ReadingService reading, InboxFilter filter, int firstPageSize) {
        Map<Integer, InboxCursor> cursorAt = new ConcurrentHashMap<>();
        Page<ThreadView> first = reading.inboxPage(filter, firstPageSize);
        remember(cursorAt, 0, first.items());
        return new PagedResults(first.total(), toFhir(first.items()), (offset, limit) -> {
            List<ThreadView> page = reading.inbox(filter, cursorAt.get(offset), offset, limit);
            remember(cursorAt, offset, page);
            return toFhir(page);
        });
    }

    /** Where the page after this one starts: right after its last thread. */
    private static void remember(Map<Integer, InboxCursor> cursorAt, int offset, List<ThreadView> page) {
        if (!page.isEmpty()) {
            cursorAt.put(
                    offset + page.size(),
                    InboxCursor.after(page.get(page.size() - 1).conversation()));
        }
    }

    private static List<Communication> toFhir(List<ThreadView> threads) {
        return threads.stream().map(CommunicationMapper::toFhir).toList();
    }
}
