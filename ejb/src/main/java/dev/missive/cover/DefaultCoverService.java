package dev.missive.cover;

import dev.missive.directory.Practitioner;
import dev.missive.directory.PractitionerRepository;
import dev.missive.domain.Party;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

@Stateless
@DeclareRoles({Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
@RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
public class DefaultCoverService implements CoverService {

    @Inject
    AbsenceRepository absences;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    public Optional<Absence> cover(String practitionerId) {
        requireMayManage(practitionerId);
        Instant now = clock.instant();
        return absences.find(practitionerId).filter(absence -> !absence.isOverAt(now));
    }

    @Override
    public Absence setCover(String practitionerId, Instant start, Instant end, String coverId) {
        requireMayManage(practitionerId);
        Instant now = clock.instant();
        Instant from = start == null ? now : start;
        if (end == null || !end.isAfter(from) || !end.isAfter(now)) {
            throw new InvalidRequestException("An absence needs an end after its start and after now");
        }
        if (practitionerId.equals(coverId)) {
            throw new InvalidRequestException("A practitioner cannot cover their own absence");
        }
        if (coverId == null
                || practitioners.find(coverId).filter(Practitioner::isActive).isEmpty()) {
            throw new InvalidRequestException("The cover must be another active Practitioner");
        }
        Optional<Absence> existing = absences.find(practitionerId);
        existing.ifPresent(absence -> absence.change(from, end, coverId));
        return existing.orElseGet(() -> {
            Absence absence = new Absence(practitionerId, from, end, coverId);
            absences.add(absence);
            return absence;
        });
    }

    @Override
    public void clearCover(String practitionerId) {
        requireMayManage(practitionerId);
        absences.find(practitionerId).ifPresent(absences::remove);
    }

    /** The practitioner themselves or a clinic admin; nobody else. */
    private void requireMayManage(String practitionerId) {
        if (practitioners.find(practitionerId).isEmpty()) {
            throw new NotFoundException("Practitioner", practitionerId);
        }
        Caller caller = callers.current();
        if (!caller.is(Party.practitioner(practitionerId)) && !caller.has(Role.CLINIC_ADMIN)) {
            throw new ForbiddenException("Only the practitioner or a clinic admin manages their cover");
        }
    }
}
