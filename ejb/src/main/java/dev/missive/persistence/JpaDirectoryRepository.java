package dev.missive.persistence;

import dev.missive.directory.DirectoryEntry;
import dev.missive.directory.DirectoryQuery;
import dev.missive.directory.DirectoryScope;
import dev.missive.directory.Identifier;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Find, add, list-by-attribute and scoped search for every kind of directory entry. A search is
 * one query (and a count one more), with the caller's scope in its where clause, so that paging
 * never shows, skips or counts an entry the caller may not see.
 */
abstract class JpaDirectoryRepository<T extends DirectoryEntry> {

    private static final char LIKE_ESCAPE = '!';
    /** Hibernate's query hint for the query cache (jakarta.persistence has none). */
    private static final String CACHEABLE = "org.hibernate.cacheable";

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    private final Class<T> type;
    private final String patientPath;
    private final String staffPath;

    /**
     * @param patientPath the entry's patient id in JPQL ({@code e.patientId}, {@code e.id} for a
     *        Patient), or null for staff entries
     * @param staffPath the practitioner id of a staff entry in JPQL, or null for entries of patients
     */
    JpaDirectoryRepository(Class<T> type, String patientPath, String staffPath) {
        this.type = type;
        this.patientPath = patientPath;
        this.staffPath = staffPath;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(em.find(type, id));
    }

    public T add(T entry) {
        em.persist(entry);
        return entry;
    }

    public List<T> search(DirectoryQuery query, DirectoryScope scope, int offset, int limit) {
        return where(query, scope)
                .map(where -> where.applyTo(
                                em.createQuery("select e from " + entityName() + " e" + where + " order by e.id", type))
                        .setFirstResult(offset)
                        .setMaxResults(limit)
                        .getResultList())
                .orElse(List.of());
    }

    public long count(DirectoryQuery query, DirectoryScope scope) {
        return where(query, scope)
                .map(where -> where.applyTo(
                                em.createQuery("select count(e) from " + entityName() + " e" + where, Long.class))
                        .getSingleResult())
                .orElse(0L);
    }

    /**
     * Entries whose attribute (a mapped field name, never user input) equals the value, by id.
     * Cached: every request looks up its caller, and every write its eligibility, this way; a
     * write to the entry's table drops the cached answers at once.
     */
    List<T> listBy(String attribute, Object value) {
        return em.createQuery(
                        "select e from " + entityName() + " e where e." + attribute + " = :value order by e.id", type)
                .setParameter("value", value)
                .setHint(CACHEABLE, true)
                .getResultList();
    }

    /** Entries the practitioner {@code :scopeMember} is on themselves (a team pool is no patient's); null: none. */
    String memberCondition() {
        return null;
    }

    /** How a practitioner criterion applies to this type, on the parameter {@code :practitioner}. */
    String practitionerCondition() {
        return staffPath == null ? null : staffPath + " = :practitioner";
    }

    /** The text a name criterion is matched against, lower case, or null when entries have no name. */
    String nameExpression() {
        return null;
    }

    /** The portal username of a person's entry, or null for entries that are not a person's. */
    String accountPath() {
        return null;
    }

    private String entityName() {
        return type.getSimpleName();
    }

    /** The query's where clause, or empty when nothing can be in scope. */
    private Optional<Where> where(DirectoryQuery query, DirectoryScope scope) {
        Where where = new Where();
        if (query.id() != null) {
            where.and("e.id = :id", "id", query.id());
        }
        if (query.identifier() != null) {
            matchIdentifier(where, query.identifier());
        }
        if (query.patientId() != null) {
            where.and(supported(patientPath, "patient") + " = :patient", "patient", query.patientId());
        }
        if (query.practitionerId() != null) {
            where.and(supported(practitionerCondition(), "practitioner"), "practitioner", query.practitionerId());
        }
        if (query.name() != null) {
            where.and(
                    supported(nameExpression(), "name") + " like :name escape '" + LIKE_ESCAPE + "'",
                    "name",
                    "%" + escapeLike(query.name().toLowerCase(Locale.ROOT)) + "%");
        }
        return restrictToScope(where, scope) ? Optional.of(where) : Optional.empty();
    }

    private void matchIdentifier(Where where, Identifier identifier) {
        String system = identifier.system() == null ? "" : " and i.system = :identifierSystem";
        where.and(
                "exists (select i.id from StoredIdentifier i where i.resourceType = :identifierType"
                        + " and i.resourceId = e.id and i.value = :identifierValue" + system + ")",
                "identifierType",
                StoredIdentifier.typeOf(type));
        where.bind("identifierValue", identifier.value());
        if (identifier.system() != null) {
            where.bind("identifierSystem", identifier.system());
        }
    }

    /** Adds the scope's condition; false when nothing of this type can be in scope. */
    private boolean restrictToScope(Where where, DirectoryScope scope) {
        if (scope.everything()) {
            return true;
        }
        List<String> any = new ArrayList<>();
        if (!scope.patientIds().isEmpty() && (patientPath != null || staffPath != null)) {
            any.add(
                    patientPath != null
                            ? patientPath + " in :scopePatients"
                            : "exists (select t.id from CareTeam t join t.practitionerIds m where m = " + staffPath
                                    + " and t.active = true and t.patientId in :scopePatients)");
            where.bind("scopePatients", scope.patientIds());
        }
        if (scope.careTeamMember().isPresent() && patientPath != null) {
            any.add("exists (select t.id from CareTeam t join t.practitionerIds m where t.patientId = " + patientPath
                    + " and t.active = true and m = :scopeMember)");
            where.bind("scopeMember", scope.careTeamMember().get());
        }
        if (scope.careTeamMember().isPresent() && memberCondition() != null) {
            any.add(memberCondition());
            where.bind("scopeMember", scope.careTeamMember().get());
        }
        if (scope.portalUsername().isPresent() && accountPath() != null) {
            any.add(accountPath() + " = :scopeAccount");
            where.bind("scopeAccount", scope.portalUsername().get());
        }
        if (any.isEmpty()) {
            return false;
        }
        where.and("(" + String.join(" or ", any) + ")");
        return true;
    }

    private String supported(String condition, String criterion) {
        if (condition == null) {
            throw new IllegalArgumentException(entityName() + " cannot be searched by " + criterion);
        }
        return condition;
    }

    private static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
