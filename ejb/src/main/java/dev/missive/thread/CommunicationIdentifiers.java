package dev.missive.thread;

import dev.missive.directory.Identifier;
import jakarta.ejb.Local;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identifiers clients give their Communications: for conditional creates (a client that
 * timed out and sends again finds what its first attempt created), to show them on every read,
 * and to find a Communication again by one.
 */
@Local
public interface CommunicationIdentifiers {

    /** The id of the caller's Communication that carries {@code identifier}, if they wrote one. */
    Optional<String> find(Identifier identifier);

    /**
     * Records that the caller's Communication {@code communicationId} carries these identifiers,
     * in the transaction that creates it; one the caller already gave another is refused.
     */
    void record(String communicationId, Collection<Identifier> identifiers);

    /**
     * The identifiers their authors gave these Communications, by Communication id (one with
     * none is left out). For a caller who already holds the Communications: it decides nothing
     * about who may see them.
     */
    Map<String, List<Identifier>> carriedBy(Collection<String> communicationIds);

    /**
     * The ids of at most {@code limit} Communications carrying {@code identifier} (without a
     * system: its value in any system), whoever wrote them: the caller's visibility is applied
     * by reading them.
     */
    List<String> carrying(Identifier identifier, int limit);
}
