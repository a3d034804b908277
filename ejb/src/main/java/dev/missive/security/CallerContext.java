package dev.missive.security;

import dev.missive.domain.Party;
import java.util.Optional;

/** Tells the services who the current caller is. */
public interface CallerContext {

    Caller current();

    /**
     * Notes, to the end of the request, that the caller (an integration engine) acts on behalf
     * of this practitioner: the request's audit record names them both.
     */
    void actingFor(Party practitioner);

    /** The practitioner the caller acts on behalf of in this request, if it said so. */
    Optional<Party> onBehalfOf();
}
