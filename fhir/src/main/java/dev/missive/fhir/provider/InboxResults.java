package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import dev.missive.domain.InboxCursor;
import dev.missive.domain.ThreadView;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.service.ConversationService;
import dev.missive.service.InboxFilter;
import dev.missive.service.Page;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * An inbox search, paged the way a person reads it: each next page continues right after the
 * last thread of the page before (keyset), so threads that move to the top meanwhile are
 * neither shown twice nor push others out of sight. Only a jump to an arbitrary page counts
 * by offset.
 */
final class InboxResults implements IBundleProvider {

    private final ConversationService conversations;
    private final InboxFilter filter;
    private final int size;
    private final List<ThreadView> firstPage;
    private final Map<Integer, InboxCursor> cursorAt = new ConcurrentHashMap<>();
    private final String uuid = UUID.randomUUID().toString();
    private final InstantType published = new InstantType(new Date());

    /** Reads the first page with the total, in one call: what almost every inbox request shows. */
    InboxResults(ConversationService conversations, InboxFilter filter, int firstPageSize) {
        this.conversations = conversations;
        this.filter = filter;
        Page<ThreadView> first = conversations.inboxPage(filter, firstPageSize);
        this.size = (int) Math.min(first.total(), Integer.MAX_VALUE);
        this.firstPage = first.items();
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int from = Math.max(0, fromIndex);
        if (toIndex <= from) {
            return List.of();
        }
        List<ThreadView> page = from == 0 && (toIndex <= firstPage.size() || firstPage.size() == size)
                ? firstPage.subList(0, Math.min(toIndex, firstPage.size()))
                : conversations.inbox(filter, cursorAt.get(from), from, toIndex - from);
        if (!page.isEmpty()) {
            cursorAt.put(from + page.size(), InboxCursor.after(page.get(page.size() - 1).conversation()));
        }
        return List.copyOf(page.stream().map(CommunicationMapper::toFhir).toList());
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
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
