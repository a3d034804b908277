package dev.missive.directory;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Every identifier of every directory entry, in one store keyed by the entry's type and id. */
public interface IdentifierRepository {

    /** The identifiers of each of those entries that has any, in the order they were given. */
    Map<String, Set<Identifier>> of(Class<? extends DirectoryEntry> type, Collection<String> ids);

    /** Makes these the entry's identifiers, dropping any it had. */
    void replace(Class<? extends DirectoryEntry> type, String id, Set<Identifier> identifiers);
}
