package dev.missive.thread;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import java.util.Set;

/**
 * Which threads an inbox holds and how it is narrowed. A person's own threads are read from
 * their participant rows ({@code party}); a proxy's from the threads of the patients they act
 * for ({@code proxyPatients}), confidential ones excluded, with their own rows ({@code
 * proxyParties}) for state. Null filters do not narrow. With {@code after}, the page starts
 * after that thread (keyset paging) instead of at an offset.
 */
public record InboxQuery(Party party, Set<String> proxyPatients, Set<Party> proxyParties,
        Boolean archived, boolean unreadOnly, String category, String patientId, String text, InboxCursor after) {

    public boolean forProxy() {
        return party == null;
    }

    /** A patient's or proxy's inbox, which never holds the threads of a merged-away record. */
    public boolean patientSide() {
        return forProxy() || party.type() != PartyType.PRACTITIONER;
    }
}
