package dev.missive.service;

import dev.missive.domain.CareTeam;
import dev.missive.domain.CareTeamRepository;
import dev.missive.domain.DirectoryEntry;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.domain.Patient;
import dev.missive.domain.PatientRepository;
import dev.missive.domain.Practitioner;
import dev.missive.domain.PractitionerRepository;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultDirectoryService implements DirectoryService {

    @Inject
    PatientRepository patients;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    CareTeamRepository careTeams;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed(Roles.INTEGRATION)
    public Saved<Patient> savePatient(Patient patient, Long expectedVersion) {
        return save(patient, expectedVersion, "Patient", patients::find, patients::add, Patient::copyFrom);
    }

    @Override
    @RolesAllowed(Roles.INTEGRATION)
    public Saved<Practitioner> savePractitioner(Practitioner practitioner, Long expectedVersion) {
        return save(practitioner, expectedVersion, "Practitioner", practitioners::find, practitioners::add,
                Practitioner::copyFrom);
    }

    @Override
    @RolesAllowed(Roles.INTEGRATION)
    public Saved<CareTeam> saveCareTeam(CareTeam careTeam, Long expectedVersion) {
        if (patients.find(careTeam.getPatientId()).isEmpty()) {
            throw new InvalidRequestException("CareTeam.subject must be a known Patient");
        }
        for (String practitionerId : careTeam.getPractitionerIds()) {
            if (practitioners.find(practitionerId).isEmpty()) {
                throw new InvalidRequestException("CareTeam.participant must be known Practitioners");
            }
        }
        return save(careTeam, expectedVersion, "CareTeam", careTeams::find, careTeams::add, CareTeam::copyFrom);
    }

    private <T extends DirectoryEntry> Saved<T> save(T incoming, Long expectedVersion, String type,
            Function<String, Optional<T>> find, Function<T, T> add, BiConsumer<T, T> copy) {
        Optional<T> existing = incoming.getId() == null ? Optional.empty() : find.apply(incoming.getId());
        if (existing.isEmpty()) {
            if (expectedVersion != null) {
                throw new VersionConflictException(type, incoming.getId());
            }
            incoming.assignIdIfMissing();
            incoming.touch(clock.instant());
            return new Saved<>(add.apply(incoming), true);
        }
        T current = existing.get();
        if (expectedVersion != null && expectedVersion != current.getVersion()) {
            throw new VersionConflictException(type, current.getId());
        }
        copy.accept(current, incoming);
        current.touch(clock.instant());
        return new Saved<>(current, false);
    }

    @Override
    public Patient patient(String id) {
        return patients.find(id).filter(this::visible).orElseThrow(() -> new NotFoundException("Patient", id));
    }

    @Override
    public Practitioner practitioner(String id) {
        return practitioners.find(id).filter(this::visible)
                .orElseThrow(() -> new NotFoundException("Practitioner", id));
    }

    @Override
    public CareTeam careTeam(String id) {
        return careTeams.find(id).filter(this::visible).orElseThrow(() -> new NotFoundException("CareTeam", id));
    }

    @Override
    public List<Patient> patientsByPortalUsername(String username) {
        return patients.findByPortalUsername(username).stream().filter(this::visible).toList();
    }

    @Override
    public List<Practitioner> practitionersByPortalUsername(String username) {
        return practitioners.findByPortalUsername(username).stream().filter(this::visible).toList();
    }

    @Override
    public List<CareTeam> careTeamsOf(String patientId) {
        return careTeams.findByPatient(patientId).stream().filter(this::visible).toList();
    }

    /** A patient sees themselves; a practitioner sees the patients on whose care team they are. */
    private boolean visible(Patient patient) {
        Caller caller = callers.current();
        return caller.seesEverything()
                || caller.is(Party.patient(patient.getId()))
                || caller.idAs(PartyType.PRACTITIONER)
                        .map(practitionerId -> careTeams.isOnCareTeam(patient.getId(), practitionerId))
                        .orElse(false);
    }

    /** Staff see each other; a patient sees the practitioners on their care team. */
    private boolean visible(Practitioner practitioner) {
        Caller caller = callers.current();
        return caller.seesEverything()
                || caller.has(Role.PRACTITIONER)
                || caller.idAs(PartyType.PATIENT)
                        .map(patientId -> careTeams.isOnCareTeam(patientId, practitioner.getId()))
                        .orElse(false);
    }

    private boolean visible(CareTeam careTeam) {
        Caller caller = callers.current();
        return caller.seesEverything()
                || caller.is(Party.patient(careTeam.getPatientId()))
                || caller.idAs(PartyType.PRACTITIONER).map(careTeam.getPractitionerIds()::contains).orElse(false);
    }
}
