package dev.missive.export;

import dev.missive.directory.PractitionerRepository;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import dev.missive.service.NotFoundException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Objects;

@Stateless
@DeclareRoles(Roles.CLINIC_ADMIN)
@RolesAllowed(Roles.CLINIC_ADMIN)
public class DefaultMessageExport implements MessageExport {

    @Inject
    PractitionerRepository practitioners;

    @Inject
    MessageHistoryRepository history;

    @Inject
    CallerContext callers;

    @Override
    public void export(String practitionerId, Sink sink) {
        if (!callers.current().has(Role.CLINIC_ADMIN)) {
            throw new ForbiddenException("Only a clinic admin exports a practitioner's messages");
        }
        if (practitioners.find(practitionerId == null ? "" : practitionerId).isEmpty()) {
            throw new NotFoundException("Practitioner", practitionerId);
        }
        String[] current = {null};
        history.forEachOf(practitionerId, row -> {
            if (!Objects.equals(current[0], row.thread().getId())) {
                current[0] = row.thread().getId();
                sink.thread(row.thread());
            }
            if (row.message() != null) {
                sink.message(row.message());
            }
        });
    }
}
