package dev.missive.directory;

import dev.missive.domain.Party;
import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

@Stateless
@DeclareRoles(Roles.PRACTITIONER)
@RolesAllowed(Roles.PRACTITIONER)
public class DefaultStaffPreferences implements StaffPreferences {

    @Inject
    PractitionerRepository practitioners;

    @Inject
    DirectoryService directory;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    public Practitioner setEmailNotifications(String practitionerId, boolean enabled) {
        // Checked before the entry is looked up: the answer says nothing of whether another id exists.
        if (!callers.current().is(Party.practitioner(practitionerId))) {
            throw new ForbiddenException("A practitioner sets only their own email notifications");
        }
        Practitioner own = practitioners.find(practitionerId).orElseThrow();
        if (own.isEmailNotifications() != enabled) {
            own.setEmailNotifications(enabled);
            own.touch(clock.instant());
        }
        return directory.read(Practitioner.class, practitionerId);
    }
}
