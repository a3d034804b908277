package dev.missive.directory;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.security.Roles;
import dev.missive.service.ColumnLimits;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.VersionConflictException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Who reads and writes which directory entries. Reads go through the repositories' scoped
 * searches (a read is a search by id), so an entry is readable exactly when it shows up in a
 * search:
 * <ul>
 * <li>integration engines and clinic admins read everything; only integration engines write,
 * except a billing consent, which a patient or their proxy may create for that patient;</li>
 * <li>a patient reads their own Patient and the care teams, episodes, appointments, consents and
 * related persons that belong to it, and the practitioners (and roles) on their care team;</li>
 * <li>a proxy reads the same for every patient they act for now, and their own RelatedPerson
 * records;</li>
 * <li>a practitioner reads every practitioner and role (the staff directory), and the patients on
 * whose active care team they are, with those patients' care teams, episodes, appointments and
 * related persons (not their billing consents).</li>
 * </ul>
 */
@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultDirectoryService implements DirectoryService {

    @Inject
    PatientRepository patients;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    PractitionerRoleRepository practitionerRoles;

    @Inject
    PractitionerDepartures departures;

    @Inject
    RelatedPersonRepository relatedPersons;

    @Inject
    CareTeamRepository careTeams;

    @Inject
    EpisodeOfCareRepository episodes;

    @Inject
    AppointmentRepository appointments;

    @Inject
    ConsentRepository consents;

    @Inject
    IdentifierRepository identifiers;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed({Roles.INTEGRATION, Roles.PATIENT, Roles.PROXY})
    public <T extends DirectoryEntry> Saved<T> create(T entry, Identifier ifNoneExist) {
        Caller caller = callers.current();
        Kind<T> kind = kindOf(entry);
        requireWriter(caller, entry, true);
        if (ifNoneExist != null) {
            List<T> matches =
                    kind.repository().search(DirectoryQuery.byIdentifier(ifNoneExist), kind.scope(caller), 0, 2);
            if (matches.size() > 1) {
                throw VersionConflictException.ambiguousMatch(kind.name());
            }
            if (matches.size() == 1) {
                return new Saved<>(withIdentifiers(kind, matches).get(0), false);
            }
        }
        if (!caller.has(Role.INTEGRATION) && entry instanceof Consent consent) {
            // A person's consent is given when they send it, whatever the request says.
            consent.setGivenAt(clock.instant());
        }
        check(kind, entry);
        entry.assignIdIfMissing();
        return new Saved<>(add(kind, entry), true);
    }

    @Override
    @RolesAllowed(Roles.INTEGRATION)
    public <T extends DirectoryEntry> Saved<T> save(T incoming, Long expectedVersion) {
        Kind<T> kind = kindOf(incoming);
        requireWriter(callers.current(), incoming, false);
        check(kind, incoming);
        Optional<T> existing = kind.repository().find(incoming.getId());
        if (existing.isEmpty()) {
            if (expectedVersion != null) {
                throw new VersionConflictException(kind.name(), incoming.getId());
            }
            return new Saved<>(add(kind, incoming), true);
        }
        T current = existing.get();
        VersionConflictException.requireCurrent(expectedVersion, current.getVersion(), kind.name(), current.getId());
        kind.copy().accept(current, incoming);
        current.touch(clock.instant());
        current.replaceIdentifiers(incoming.getIdentifiers());
        identifiers.replace(kind.type(), current.getId(), current.getIdentifiers());
        settleDeparture(current);
        return new Saved<>(current, false);
    }

    @Override
    public <T extends DirectoryEntry> T read(Class<T> type, String id) {
        Kind<T> kind = kind(type);
        return withIdentifiers(
                        kind, kind.repository().search(DirectoryQuery.byId(id), kind.scope(callers.current()), 0, 1))
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(kind.name(), id));
    }

    @Override
    public <T extends DirectoryEntry> List<T> search(Class<T> type, DirectoryQuery query, int offset, int limit) {
        Kind<T> kind = kind(type);
        return withIdentifiers(kind, kind.repository().search(query, kind.scope(callers.current()), offset, limit));
    }

    @Override
    public <T extends DirectoryEntry> long count(Class<T> type, DirectoryQuery query) {
        Kind<T> kind = kind(type);
        return kind.repository().count(query, kind.scope(callers.current()));
    }

    /** A practitioner made inactive, or whose role ended, leaves: their open threads close. */
    private void settleDeparture(DirectoryEntry saved) {
        if (saved instanceof Practitioner practitioner) {
            departures.settle(practitioner.getId());
        } else if (saved instanceof PractitionerRole role) {
            departures.settle(role.getPractitionerId());
        }
    }

    /** Integration engines write the directory; people only create a billing consent of their own side. */
    private static void requireWriter(Caller caller, DirectoryEntry entry, boolean creating) {
        if (caller.has(Role.INTEGRATION)
                || creating && entry instanceof Consent consent && isOwnBillingConsent(caller, consent)) {
            return;
        }
        throw new ForbiddenException("This account may not write this directory entry");
    }

    /** An active message-billing consent for the caller as a patient, or for a patient they act for now. */
    private static boolean isOwnBillingConsent(Caller caller, Consent consent) {
        String patientId = consent.getPatientId();
        return patientId != null
                && consent.coversMessageBillingFor(patientId)
                && (caller.is(Party.patient(patientId)) || caller.isProxyOf(patientId));
    }

    private <T extends DirectoryEntry> void check(Kind<T> kind, T entry) {
        ColumnLimits.check(entry, "The " + kind.name());
        entry.getIdentifiers().forEach(Identifier::requireValid);
        kind.references().accept(entry);
    }

    private <T extends DirectoryEntry> T add(Kind<T> kind, T entry) {
        entry.touch(clock.instant());
        kind.repository().add(entry);
        identifiers.replace(kind.type(), entry.getId(), entry.getIdentifiers());
        return entry;
    }

    private <T extends DirectoryEntry> List<T> withIdentifiers(Kind<T> kind, List<T> entries) {
        Map<String, Set<Identifier>> stored = identifiers.of(
                kind.type(), entries.stream().map(DirectoryEntry::getId).toList());
        entries.forEach(entry -> entry.replaceIdentifiers(stored.getOrDefault(entry.getId(), Set.of())));
        return entries;
    }

    /** What the patient side of a caller covers: the patient they are, and the patients they act for now. */
    private static Set<String> patientSide(Caller caller) {
        Set<String> patientIds = new HashSet<>(caller.proxyFor().keySet());
        caller.idAs(PartyType.PATIENT).ifPresent(patientIds::add);
        return patientIds;
    }

    /** Billing consents belong to the patient's side only: their practitioners do not read them. */
    private static DirectoryScope consents(Caller caller) {
        return caller.seesEverything() ? DirectoryScope.EVERYTHING : DirectoryScope.ofPatients(patientSide(caller));
    }

    /** A patient's care team names the patient; a pool is no patient's. */
    private void requireSubjectUnlessPool(CareTeam team) {
        if (!team.isPool()) {
            requirePatient(team.getPatientId(), "CareTeam.subject");
        } else if (team.getPatientId() != null) {
            throw new InvalidRequestException("A pool CareTeam has no subject: it is no patient's");
        }
    }

    /** The patient's side, and the practitioners on the patient's active care team. */
    private static DirectoryScope patientRecords(Caller caller) {
        return consents(caller).withCareTeamMember(caller.idAs(PartyType.PRACTITIONER));
    }

    /** A patient also reads their own Patient on the staff side, as a staff member who is also a patient. */
    private static DirectoryScope patientEntries(Caller caller) {
        return patientRecords(caller)
                .withPortalUsername(caller.has(Role.PATIENT) ? Optional.of(caller.username()) : Optional.empty());
    }

    /** A proxy also reads their own RelatedPerson records, including those no longer in force. */
    private static DirectoryScope relatedPersons(Caller caller) {
        return patientRecords(caller)
                .withPortalUsername(caller.has(Role.PROXY) ? Optional.of(caller.username()) : Optional.empty());
    }

    /** Staff read the whole staff directory; the patient's side reads their care team's. */
    private static DirectoryScope staff(Caller caller) {
        return caller.has(Role.PRACTITIONER) ? DirectoryScope.EVERYTHING : consents(caller);
    }

    private void requirePatient(String patientId, String element) {
        requireKnown(patients, patientId, element + " must be a known Patient");
    }

    private void requirePractitioner(String practitionerId, String element) {
        requireKnown(practitioners, practitionerId, element + " must be a known Practitioner");
    }

    private void requirePractitioners(Collection<String> practitionerIds, String element) {
        practitionerIds.forEach(id -> requirePractitioner(id, element));
    }

    private static void requireKnown(DirectoryRepository<?> repository, String id, String message) {
        if (id == null || repository.find(id).isEmpty()) {
            throw new InvalidRequestException(message);
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends DirectoryEntry> Kind<T> kindOf(T entry) {
        return kind((Class<T>) entry.getClass());
    }

    @SuppressWarnings("unchecked")
    private <T extends DirectoryEntry> Kind<T> kind(Class<T> type) {
        Kind<?> kind = kinds().get(type);
        if (kind == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not a directory entry");
        }
        return (Kind<T>) kind;
    }

    /** Every kind of entry: where it is stored, how an update is applied, what it must refer to, who reads it. */
    private Map<Class<?>, Kind<?>> kinds() {
        return Map.of(
                Patient.class,
                        new Kind<>(
                                Patient.class,
                                patients,
                                Patient::copyFrom,
                                patient -> {},
                                DefaultDirectoryService::patientEntries),
                Practitioner.class,
                        new Kind<>(
                                Practitioner.class,
                                practitioners,
                                Practitioner::copyFrom,
                                practitioner -> {},
                                DefaultDirectoryService::staff),
                PractitionerRole.class,
                        new Kind<>(
                                PractitionerRole.class,
                                practitionerRoles,
                                PractitionerRole::copyFrom,
                                role -> requirePractitioner(role.getPractitionerId(), "PractitionerRole.practitioner"),
                                DefaultDirectoryService::staff),
                RelatedPerson.class,
                        new Kind<>(
                                RelatedPerson.class,
                                relatedPersons,
                                RelatedPerson::copyFrom,
                                proxy -> requirePatient(proxy.getPatientId(), "RelatedPerson.patient"),
                                DefaultDirectoryService::relatedPersons),
                CareTeam.class,
                        new Kind<>(
                                CareTeam.class,
                                careTeams,
                                CareTeam::copyFrom,
                                team -> {
                                    requireSubjectUnlessPool(team);
                                    requirePractitioners(team.getPractitionerIds(), "CareTeam.participant");
                                },
                                DefaultDirectoryService::patientRecords),
                EpisodeOfCare.class,
                        new Kind<>(
                                EpisodeOfCare.class,
                                episodes,
                                EpisodeOfCare::copyFrom,
                                episode -> requirePatient(episode.getPatientId(), "EpisodeOfCare.patient"),
                                DefaultDirectoryService::patientRecords),
                Appointment.class,
                        new Kind<>(
                                Appointment.class,
                                appointments,
                                Appointment::copyFrom,
                                appointment -> {
                                    requirePatient(appointment.getPatientId(), "Appointment.participant");
                                    requirePractitioners(appointment.getPractitionerIds(), "Appointment.participant");
                                },
                                DefaultDirectoryService::patientRecords),
                Consent.class,
                        new Kind<>(
                                Consent.class,
                                consents,
                                Consent::copyFrom,
                                consent -> requirePatient(consent.getPatientId(), "Consent.patient"),
                                DefaultDirectoryService::consents));
    }

    private record Kind<T extends DirectoryEntry>(
            Class<T> type,
            DirectoryRepository<T> repository,
            BiConsumer<T, T> copy,
            Consumer<T> references,
            Function<Caller, DirectoryScope> readers) {

        String name() {
            return type.getSimpleName();
        }

        DirectoryScope scope(Caller caller) {
            return readers.apply(caller);
        }
    }
}
