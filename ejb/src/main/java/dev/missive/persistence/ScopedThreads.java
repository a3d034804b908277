package dev.missive.persistence;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.thread.ConversationStatus;
import dev.missive.thread.InboxFilter;
import dev.missive.thread.InboxQuery;
import dev.missive.thread.MessageStatus;
import dev.missive.thread.ThreadScope;
import dev.missive.thread.ThreadStatusReason;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JPQL of what a {@link ThreadScope} sees, in one place: a read by id, an inbox page and its
 * count are built from the same conditions, so a thread is readable exactly when it is listed
 * (or it is a draft of the caller's, or the caller sees everything). {@code c} is the thread,
 * {@code p} the scope's own participant row. A person's inbox is read from their participant
 * rows (one range scan of participant_inbox); a proxy's from the threads of the patients they
 * act for (conversation_patient_activity). Input only ever goes into parameters.
 */
final class ScopedThreads {

    private final ThreadScope scope;
    private final Where where = new Where();
    private final String from;

    private ScopedThreads(ThreadScope scope, String from) {
        this.scope = scope;
        this.from = from;
    }

    /** The thread with this id if it is in scope, with the scope's own row when it has one. */
    static ScopedThreads byId(ThreadScope scope, String id) {
        ScopedThreads threads = new ScopedThreads(
                scope,
                ownRowJoin(scope).map(join -> "from Conversation c" + join).orElse("from Conversation c"));
        threads.bindOwnRow();
        threads.where.and("c.id = :id", "id", id);
        List<String> visible = new ArrayList<>();
        if (!scope.authors().isEmpty()) {
            List<String> authors = new ArrayList<>();
            for (Party author : scope.authors()) {
                String name = "author" + authors.size();
                authors.add("c.startedBy = :" + name);
                threads.where.bind(name, author);
            }
            visible.add("(c.status = :draft and (" + String.join(" or ", authors) + "))");
        }
        visible.add("(c.status <> :draft and " + (scope.everything() ? "1 = 1" : threads.listed()) + ")");
        threads.where.and("(" + String.join(" or ", visible) + ")", "draft", ConversationStatus.DRAFT);
        return threads;
    }

    /** The scope's inbox as the query narrows it, after its cursor when it has one. */
    static ScopedThreads inbox(InboxQuery query, boolean needsThread, Instant now) {
        ThreadScope scope = query.scope();
        ScopedThreads threads;
        if (scope.party().isPresent()) {
            threads = new ScopedThreads(
                    scope,
                    needsThread || scope.patientSide()
                            ? "from Participant p join Conversation c on c.id = p.conversationId"
                            : "from Participant p");
            threads.bindOwnRow();
            threads.where.and("p.party = :party");
        } else {
            threads = new ScopedThreads(
                    scope, "from Conversation c" + ownRowJoin(scope).orElseThrow());
            threads.bindOwnRow();
            threads.where.and(threads.listed() + " and c.status <> :draft", "draft", ConversationStatus.DRAFT);
        }
        if (scope.patientSide() && scope.party().isPresent()) {
            threads.where.and(threads.notMergedAway());
        }
        threads.narrow(query.filter(), now);
        if (query.after() != null) {
            String activity = threads.activityColumn();
            String id = threads.idColumn();
            threads.where
                    .and(
                            "(" + activity + " < :afterActivity or (" + activity + " = :afterActivity and " + id
                                    + " > :afterId))",
                            "afterActivity",
                            query.after().lastActivity())
                    .bind("afterId", query.after().conversationId());
        }
        return threads;
    }

    /** Whether a person's inbox must read the thread itself, not only their rows, for this filter. */
    static boolean filtersOnThread(InboxFilter filter) {
        return filter.category() != null
                || filter.patientId() != null
                || filter.text() != null
                || filter.overdueOnly()
                || filter.poolId() != null;
    }

    String orderedNewestFirst() {
        return " order by " + activityColumn() + " desc, " + idColumn();
    }

    <T> TypedQuery<T> query(EntityManager em, String select, String order, Class<T> type) {
        return where.applyTo(em.createQuery(select + " " + from + where + order, type));
    }

    /**
     * A sent thread in scope other than by seeing everything: the scope's party takes part, or it
     * is a non-confidential thread of a patient the scope acts for; never a merged-away patient
     * record's thread on the patient side.
     */
    private String listed() {
        List<String> any = new ArrayList<>();
        if (scope.party().isPresent()) {
            any.add("p is not null");
        }
        if (!scope.proxies().isEmpty()) {
            any.add("(c.patientId in :proxyPatients and c.confidential = false)");
            where.bind("proxyPatients", scope.proxies().keySet());
        }
        if (any.isEmpty()) {
            return "1 = 0";
        }
        String listed = "(" + String.join(" or ", any) + ")";
        return scope.patientSide() ? "(" + listed + " and " + notMergedAway() + ")" : listed;
    }

    private String notMergedAway() {
        where.bind("merged", ThreadStatusReason.PATIENT_MERGED);
        return "(c.statusReason is null or c.statusReason <> :merged)";
    }

    /** The join that finds the scope's own row in a thread: the person's, or that of the records a proxy acts through. */
    private static Optional<String> ownRowJoin(ThreadScope scope) {
        if (scope.party().isPresent()) {
            return Optional.of(" left join Participant p on p.conversationId = c.id and p.party = :party");
        }
        if (!scope.proxies().isEmpty()) {
            return Optional.of(" left join Participant p on p.conversationId = c.id"
                    + " and p.party.type = :relatedPerson and p.party.id in :proxyIds");
        }
        return Optional.empty();
    }

    private void bindOwnRow() {
        if (scope.party().isPresent()) {
            where.bind("party", scope.party().get());
        } else if (!scope.proxies().isEmpty()) {
            where.bind("relatedPerson", PartyType.RELATED_PERSON)
                    .bind(
                            "proxyIds",
                            scope.proxies().values().stream().map(Party::id).toList());
        }
    }

    private void narrow(InboxFilter filter, Instant now) {
        if (filter.overdueOnly()) {
            // a practitioner the thread moved away from no longer owes its answer
            where.and("c.responseDue < :now and c.status = :open and p.leftAt is null", "now", now)
                    .bind("open", ConversationStatus.OPEN);
        }
        if (filter.archived() != null) {
            where.and(filter.archived() ? "p.archived = true" : "(p is null or p.archived = false)");
        }
        if (filter.unreadOnly()) {
            where.and("p.unread > 0");
        }
        if (filter.category() != null) {
            where.and("c.category = :category", "category", filter.category());
        }
        if (filter.patientId() != null) {
            where.and("c.patientId = :patient", "patient", filter.patientId());
        }
        if (filter.poolId() != null) {
            where.and("c.pool.id = :pool", "pool", filter.poolId());
        }
        if (filter.text() != null) {
            where.and(
                            "(lower(c.topic) like :text escape '!'"
                                    + " or exists (select m.id from Message m where m.conversationId = c.id and m.status = :sent"
                                    + " and lower(m.text) like :text escape '!')"
                                    + " or exists (select pt.id from Patient pt where pt.id = c.patientId and "
                                    + nameLikeText("pt") + ")"
                                    // a team's thread nobody has answered yet is held by a member the
                                    // patient is not shown: their name must not find it either
                                    + " or ((c.pool is null or c.poolAnswered = true) and exists (select pr.id"
                                    + " from Practitioner pr where pr.id = c.practitionerId and "
                                    + nameLikeText("pr") + "))"
                                    // the proxies who took part: a parent looks for their child's threads by their own
                                    // name too
                                    + " or exists (select rp.id from Participant pp, RelatedPerson rp"
                                    + " where pp.conversationId = c.id and pp.party.type = :proxyParty and rp.id = pp.party.id"
                                    + " and " + nameLikeText("rp") + "))",
                            "text",
                            "%" + likeEscaped(filter.text().strip().toLowerCase(Locale.ROOT)) + "%")
                    .bind("sent", MessageStatus.SENT)
                    .bind("proxyParty", PartyType.RELATED_PERSON);
        }
    }

    private static String nameLikeText(String person) {
        return "lower(concat(coalesce(" + person + ".givenName, ''), ' ', coalesce(" + person
                + ".familyName, ''))) like :text escape '!'";
    }

    /** A person's inbox orders and pages by their own row; a proxy's by the thread. */
    private String activityColumn() {
        return scope.party().isPresent() ? "p.lastActivity" : "c.lastActivity";
    }

    private String idColumn() {
        return scope.party().isPresent() ? "p.conversationId" : "c.id";
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
