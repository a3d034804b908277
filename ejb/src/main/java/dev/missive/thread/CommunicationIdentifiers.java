package dev.missive.thread;

import dev.missive.directory.Identifier;
import jakarta.ejb.Local;
import java.util.Collection;
import java.util.Optional;

/**
 * The identifiers clients give their Communications, for conditional creates: a client that
 * timed out and sends again finds what its first attempt created.
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
}
