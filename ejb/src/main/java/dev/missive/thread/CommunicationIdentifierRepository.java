package dev.missive.thread;

import dev.missive.directory.Identifier;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface CommunicationIdentifierRepository {

    Optional<CommunicationIdentifier> find(CommunicationIdentifier.Key key);

    /** Writes it at once: an identifier its author already gave is refused here, not at commit. */
    void add(CommunicationIdentifier identifier);

    /** Every identifier given to these Communications. */
    List<CommunicationIdentifier> ofCommunications(Collection<String> communicationIds);

    /** The ids of at most {@code limit} Communications carrying it; a null system matches any. */
    List<String> communicationsCarrying(Identifier identifier, int limit);
}
