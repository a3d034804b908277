package dev.missive.security;

import dev.missive.domain.Party;
import java.util.Optional;

/** Tells the services who the current caller is. */
public interface CallerContext {

    Caller current();

    /**
     * Notes, to the end of the request, which of its own directory entries the account acts as:
     * a staff member who is also a patient chooses their Patient (the patient side) or their
     * Practitioner (the default). Any other entry is refused (403) and nothing is noted.
     */
    void actAs(Party entry);

    /**
     * Notes, to the end of the request, that the caller (an integration engine) acts on behalf
     * of this practitioner: the request's audit record names them both.
     */
    void actingFor(Party practitioner);

    /** The practitioner the caller acts on behalf of in this request, if it said so. */
    Optional<Party> onBehalfOf();
}
