package dev.missive.directory;

import java.util.List;
import java.util.Optional;

/** What every kind of directory entry's repository does: find, add, and search within a scope. */
public interface DirectoryRepository<T extends DirectoryEntry> {

    Optional<T> find(String id);

    T add(T entry);

    /** The entries that match the query and are in scope, ordered by id, from offset, at most limit. */
    List<T> search(DirectoryQuery query, DirectoryScope scope, int offset, int limit);

    long count(DirectoryQuery query, DirectoryScope scope);
}
