package dev.missive.service;

import dev.missive.domain.CareTeam;
import dev.missive.domain.ClinicPolicy;
import dev.missive.domain.Party;
import dev.missive.domain.Patient;
import dev.missive.domain.Practitioner;
import dev.missive.domain.PractitionerRole;
import dev.missive.domain.RelatedPerson;
import dev.missive.notification.NotificationRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small clinic in memory, wired to the real services: Alice (care team: Dr Lee, Dr Patel who
 * charges, nurse Kim who takes no portal messages), Ben and Chloe (Dr Lee), Gina the guardian of
 * Ben and Chloe. Messaging is on. The clock stands still until a test moves it.
 */
final class TestClinic {

    final InMemoryRepositories.Patients patients = new InMemoryRepositories.Patients();
    final InMemoryRepositories.Practitioners practitioners = new InMemoryRepositories.Practitioners();
    final InMemoryRepositories.CareTeams careTeams = new InMemoryRepositories.CareTeams();
    final InMemoryRepositories.Roles roles = new InMemoryRepositories.Roles();
    final InMemoryRepositories.RelatedPersons relatedPersons = new InMemoryRepositories.RelatedPersons();
    final InMemoryRepositories.Episodes episodes = new InMemoryRepositories.Episodes();
    final InMemoryRepositories.Appointments appointments = new InMemoryRepositories.Appointments();
    final InMemoryRepositories.Consents consents = new InMemoryRepositories.Consents();
    final InMemoryRepositories.Conversations conversations = new InMemoryRepositories.Conversations();
    final List<NotificationRequested> published = new ArrayList<>();
    final ClinicPolicy policy = new ClinicPolicy();
    final DefaultConversationService service = new DefaultConversationService();
    final DefaultEligibilityService eligibility = new DefaultEligibilityService();
    final ThreadAccess access = new ThreadAccess();
    final TestClock clock = new TestClock(Instant.parse("2026-11-21T10:00:00Z"));
    final PolicyService policies = new PolicyService() {
        @Override
        public ClinicPolicy current() {
            return policy;
        }

        @Override
        public ClinicPolicy update(ClinicPolicy edited, Long expectedVersion) {
            throw new UnsupportedOperationException();
        }
    };
    final TestAttachments attachments;
    Caller caller;

    TestClinic() {
        policy.setMessagingEnabled(true);
        List.<InMemoryRepositories.Entries<?>>of(patients, practitioners, roles, relatedPersons, episodes,
                appointments, consents).forEach(repository -> repository.careTeams = careTeams);
        for (String id : List.of("alice", "ben", "chloe")) {
            patients.add(new Patient(id));
        }
        for (String id : List.of("drlee", "drpatel", "nursekim")) {
            practitioners.add(new Practitioner(id));
        }
        careTeam("alice", "drlee", "drpatel", "nursekim");
        careTeam("ben", "drlee");
        careTeam("chloe", "drlee");
        role("drlee", true, false);
        role("drpatel", true, true);
        role("nursekim", false, false);
        proxy("gina-for-ben", "ben");
        proxy("gina-for-chloe", "chloe");

        eligibility.policies = policies;
        eligibility.careTeams = careTeams;
        eligibility.appointments = appointments;
        eligibility.practitioners = practitioners;
        eligibility.roles = roles;
        eligibility.clock = clock;
        eligibility.callers = () -> caller;
        access.conversations = conversations;
        service.conversations = conversations;
        service.patients = patients;
        service.practitioners = practitioners;
        service.roles = roles;
        service.relatedPersons = relatedPersons;
        service.episodes = episodes;
        service.consents = consents;
        service.eligibility = eligibility;
        service.callers = () -> caller;
        service.access = access;
        service.notifications = published::add;
        service.clock = clock;
        attachments = new TestAttachments(this);
        service.attachments = attachments.messages;
        actAs("alice");
    }

    void careTeam(String patientId, String... practitionerIds) {
        CareTeam team = new CareTeam("team-" + patientId);
        team.setPatientId(patientId);
        team.getPractitionerIds().addAll(List.of(practitionerIds));
        careTeams.add(team);
    }

    PractitionerRole role(String practitionerId, boolean portalMessaging, boolean charges) {
        PractitionerRole role = new PractitionerRole("role-" + practitionerId);
        role.setPractitionerId(practitionerId);
        role.setPortalMessaging(portalMessaging);
        role.setChargesForMessages(charges);
        return roles.add(role);
    }

    RelatedPerson proxy(String id, String patientId) {
        RelatedPerson proxy = new RelatedPerson(id);
        proxy.setPatientId(patientId);
        proxy.setPortalUsername("gina");
        return relatedPersons.add(proxy);
    }

    /** Signs in as a demo account: patients and practitioners by id, gina as the proxy. */
    void actAs(String account) {
        if (account.equals("gina")) {
            Map<String, String> proxyFor = new java.util.LinkedHashMap<>();
            relatedPersons.findByPortalUsername("gina").stream()
                    .filter(r -> r.actsAt(clock.instant()))
                    .forEach(r -> proxyFor.put(r.getPatientId(), r.getId()));
            caller = new Caller(account, EnumSet.of(Role.PROXY), Optional.empty(), proxyFor);
        } else if (practitioners.find(account).isPresent()) {
            caller = new Caller(account, EnumSet.of(Role.PRACTITIONER), Optional.of(Party.practitioner(account)));
        } else if (patients.find(account).isPresent()) {
            caller = new Caller(account, EnumSet.of(Role.PATIENT), Optional.of(Party.patient(account)));
        } else {
            caller = new Caller(account, EnumSet.of(Role.INTEGRATION), Optional.empty());
        }
    }

    void later(Duration duration) {
        clock.advance(duration);
    }

    /** Starts a plain thread as the current caller and returns its id. */
    String start(String patientId, String practitionerId) {
        return service.start(NewThread.of(patientId, practitionerId, "general", null, false)).conversation().getId();
    }
}
