package dev.missive.thread;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.security.Caller;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The threads someone may see, built once from who they are; the repository turns it into the
 * one where clause that a read by id, an inbox page and its count all share, and notification
 * delivery asks it of each recipient. A thread is in scope when:
 * <ul>
 * <li>it is a draft that one of the scope's parties started (a draft is its author's alone);</li>
 * <li>or it is sent, and {@code everything} holds (integration engines, clinic admins), or the
 * scope's {@code party} takes part in it, or it is about a patient in {@code proxies} and not
 * confidential. A thread whose patient record was merged away leaves the patient side: only its
 * practitioner still sees it, or a caller who sees everything.</li>
 * </ul>
 * An inbox holds the threads in scope through the party or the proxies; who sees everything
 * has none.
 *
 * @param proxies for each patient the scope acts for as a proxy, the RelatedPerson it acts through
 */
public record ThreadScope(boolean everything, Optional<Party> party, Map<String, Party> proxies) {

    public ThreadScope {
        proxies = Map.copyOf(proxies);
    }

    public static ThreadScope of(Caller caller) {
        Map<String, Party> proxies = new LinkedHashMap<>();
        caller.proxyFor()
                .forEach((patientId, relatedPersonId) ->
                        proxies.put(patientId, new Party(PartyType.RELATED_PERSON, relatedPersonId)));
        return new ThreadScope(caller.seesEverything(), caller.party(), proxies);
    }

    /** What a patient or practitioner sees: the threads they take part in. */
    public static ThreadScope ofPerson(Party person) {
        return new ThreadScope(false, Optional.of(person), Map.of());
    }

    /** What a proxy sees through one RelatedPerson record while it is active. */
    public static ThreadScope ofProxy(String patientId, Party relatedPerson) {
        return new ThreadScope(false, Optional.empty(), Map.of(patientId, relatedPerson));
    }

    /** Whether a merged-away patient's threads are hidden: from everyone but their practitioner. */
    public boolean patientSide() {
        return party.map(p -> p.type() != PartyType.PRACTITIONER).orElse(true);
    }

    public boolean hasInbox() {
        return party.isPresent() || !proxies.isEmpty();
    }

    /** The parties whose drafts are in scope: the person themselves, or each record a proxy acts through. */
    public Set<Party> authors() {
        Set<Party> authors = new LinkedHashSet<>(proxies.values());
        party.ifPresent(authors::add);
        return authors;
    }

    /** Whether the scope wrote as {@code author} in that patient's thread: itself, or the proxy record for the patient. */
    public boolean isAuthor(String patientId, Party author) {
        return party.filter(author::equals).isPresent() || author.equals(proxies.get(patientId));
    }
}
