package dev.missive.thread;

import java.util.Optional;

public interface CommunicationIdentifierRepository {

    Optional<CommunicationIdentifier> find(CommunicationIdentifier.Key key);

    /** Writes it at once: an identifier its author already gave is refused here, not at commit. */
    void add(CommunicationIdentifier identifier);
}
