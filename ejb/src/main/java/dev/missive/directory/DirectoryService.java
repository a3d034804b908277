package dev.missive.directory;

import jakarta.ejb.Local;
import java.util.List;

/**
 * The clinic's directory: patients, practitioners and their roles, proxies (RelatedPerson), care
 * teams, episodes of care, appointments and billing consents. The integration engine keeps it in
 * sync; people read the entries they need. An entry the caller may not see is not found, and
 * never part of a search or a count. The one write a person makes is a billing consent, by the
 * patient or a proxy acting for them. Entries come and go with all their identifiers.
 */
@Local
public interface DirectoryService {

    /**
     * Creates the entry under an id of Missive's. With {@code ifNoneExist}, when an entry the
     * caller can see already carries that identifier, nothing is written and that entry is
     * returned (created false); when more than one does, the create is refused.
     */
    <T extends DirectoryEntry> Saved<T> create(T entry, Identifier ifNoneExist);

    /** Creates the entry under its own id, or replaces it when {@code expectedVersion} is null or current. */
    <T extends DirectoryEntry> Saved<T> save(T entry, Long expectedVersion);

    <T extends DirectoryEntry> T read(Class<T> type, String id);

    /** The entries of that type that match and that the caller may see, ordered by id. */
    <T extends DirectoryEntry> List<T> search(Class<T> type, DirectoryQuery query, int offset, int limit);

    <T extends DirectoryEntry> long count(Class<T> type, DirectoryQuery query);
}
