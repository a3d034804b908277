package dev.missive.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which patients a proxy account acts for right now: those it is an active RelatedPerson of,
 * within that record's period. Asked afresh on every request, so a revocation takes effect at once.
 */
@ApplicationScoped
public class ProxyScope {

    @Inject
    RelatedPersonRepository relatedPersons;

    @Inject
    Clock clock;

    public Set<String> patientIdsActedFor(String username) {
        return actingNow(username).stream().map(RelatedPerson::getPatientId).collect(Collectors.toUnmodifiableSet());
    }

    /** The account's RelatedPerson record through which it acts for that patient now, if any. */
    public Optional<RelatedPerson> proxyFor(String username, String patientId) {
        return actingNow(username).stream()
                .filter(proxy -> proxy.getPatientId().equals(patientId))
                .findFirst();
    }

    /** Every RelatedPerson record through which the account acts now, one per patient at most. */
    public List<RelatedPerson> actingNow(String username) {
        Instant now = clock.instant();
        Set<String> patients = new HashSet<>();
        return relatedPersons.findByPortalUsername(username).stream()
                .filter(proxy -> proxy.actsAt(now) && patients.add(proxy.getPatientId()))
                .toList();
    }
}
