package dev.missive.thread;

import dev.missive.directory.Practitioner;
import dev.missive.directory.PractitionerDepartures;
import dev.missive.directory.PractitionerRepository;
import dev.missive.directory.PractitionerRole;
import dev.missive.directory.PractitionerRoleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Closes a departed practitioner's open threads with reason {@code practitioner-inactive}, in
 * the transaction of the directory write that made them leave. Their history stays as it was.
 */
@ApplicationScoped
public class ThreadClosingDepartures implements PractitionerDepartures {

    @Inject
    PractitionerRepository practitioners;

    @Inject
    PractitionerRoleRepository roles;

    @Inject
    ConversationRepository conversations;

    @Inject
    Clock clock;

    @Override
    public void settle(String practitionerId) {
        Instant now = clock.instant();
        boolean active =
                practitioners.find(practitionerId).map(Practitioner::isActive).orElse(false);
        List<PractitionerRole> held = roles.findByPractitioner(practitionerId);
        boolean stillHasARole = held.stream().anyMatch(role -> current(role, now));
        boolean everHadARole = !held.isEmpty();
        if (active && (stillHasARole || !everHadARole)) {
            return;
        }
        for (Conversation conversation : conversations.openThreadsOf(practitionerId)) {
            conversation.close(ThreadStatusReason.PRACTITIONER_INACTIVE, now);
        }
    }

    private static boolean current(PractitionerRole role, Instant now) {
        return role.isActive() && !role.getPeriod().hasEnded(now);
    }
}
