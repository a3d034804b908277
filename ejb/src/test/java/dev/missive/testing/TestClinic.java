package dev.missive.testing;

import dev.missive.directory.AppointmentRepository;
import dev.missive.directory.CareTeam;
import dev.missive.directory.CareTeamRepository;
import dev.missive.directory.ConsentRepository;
import dev.missive.directory.DirectoryEntry;
import dev.missive.directory.DirectoryService;
import dev.missive.directory.EpisodeOfCareRepository;
import dev.missive.directory.Patient;
import dev.missive.directory.PatientRepository;
import dev.missive.directory.Practitioner;
import dev.missive.directory.PractitionerRepository;
import dev.missive.directory.PractitionerRole;
import dev.missive.directory.PractitionerRoleRepository;
import dev.missive.directory.RelatedPerson;
import dev.missive.directory.RelatedPersonRepository;
import dev.missive.domain.Party;
import dev.missive.notification.NotificationQueue;
import dev.missive.policy.ClinicPolicy;
import dev.missive.policy.ClinicPolicyRepository;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationRepository;
import dev.missive.thread.NewThread;
import dev.missive.thread.NotificationRequested;
import dev.missive.thread.SendingService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A small clinic on a real database, wired to the real services and repositories: Alice (care
 * team: Dr Lee, Dr Patel who charges, nurse Kim who takes no portal messages), Ben and Chloe
 * (Dr Lee), Gina the guardian of Ben and Chloe. Messaging is on. The clock stands still until
 * a test moves it; notification requests that reach the queue are collected in {@link #published}. What a test
 * changes on an entry it found is committed before the next service call, as an integration
 * engine's edit would have been.
 */
public final class TestClinic {

    public final TestClock clock = new TestClock(Instant.parse("2026-11-21T10:00:00Z"));
    public final List<NotificationRequested> published = new ArrayList<>();
    public final TestBeans beans;
    public final PatientRepository patients;
    public final PractitionerRepository practitioners;
    public final PractitionerRoleRepository roles;
    public final RelatedPersonRepository relatedPersons;
    public final CareTeamRepository careTeams;
    public final EpisodeOfCareRepository episodes;
    public final AppointmentRepository appointments;
    public final ConsentRepository consents;
    public final ConversationRepository conversations;
    public final TestAttachments attachments;
    private Caller caller;
    private Party onBehalfOf;

    public TestClinic() {
        EntityManager em = TestDatabase.emptied();
        beans = new TestBeans(new TestTransactions(em));
        beans.add(em);
        beans.add((Clock) clock);
        beans.add(new CallerContext() {
            @Override
            public Caller current() {
                return caller;
            }

            @Override
            public void actAs(Party entry) {
                caller = caller.asPatient(entry.id());
            }

            @Override
            public void actingFor(Party practitioner) {
                onBehalfOf = practitioner;
            }

            @Override
            public Optional<Party> onBehalfOf() {
                return Optional.ofNullable(onBehalfOf);
            }
        });
        // The real outbox: what reaches the queue, relayed after each commit on this thread, is published.
        beans.add(new NotificationQueue() {
            @Override
            public void send(NotificationRequested request) {
                published.add(request);
            }
        });
        beans.add((ManagedExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    ((Runnable) args[0]).run();
                    return null;
                }));
        Path attachmentDir;
        try {
            // Under the build directory: a clean build removes what the tests stored.
            attachmentDir =
                    Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-attachments")), "clinic");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        beans.config("missive.attachment.dir", Optional.of(attachmentDir.toString()));
        attachments = new TestAttachments(this, attachmentDir);
        beans.config("missive.attachment.max.bytes", 1024L * 1024);
        patients = beans.get(PatientRepository.class);
        practitioners = beans.get(PractitionerRepository.class);
        roles = beans.get(PractitionerRoleRepository.class);
        relatedPersons = beans.get(RelatedPersonRepository.class);
        careTeams = beans.get(CareTeamRepository.class);
        episodes = beans.get(EpisodeOfCareRepository.class);
        appointments = beans.get(AppointmentRepository.class);
        consents = beans.get(ConsentRepository.class);
        conversations = beans.get(ConversationRepository.class);

        ClinicPolicy policy = new ClinicPolicy();
        policy.setMessagingEnabled(true);
        beans.get(ClinicPolicyRepository.class).add(policy);
        for (String id : List.of("alice", "ben", "chloe")) {
            save(new Patient(id));
        }
        for (String id : List.of("drlee", "drpatel", "nursekim")) {
            save(new Practitioner(id));
        }
        careTeam("alice", "drlee", "drpatel", "nursekim");
        careTeam("ben", "drlee");
        careTeam("chloe", "drlee");
        role("drlee", true, false);
        role("drpatel", true, true);
        role("nursekim", false, false);
        proxy("gina-for-ben", "ben");
        proxy("gina-for-chloe", "chloe");
        actAs("alice");
    }

    /** The one bean of this type, wired as the container would. */
    public <T> T bean(Class<T> type) {
        return beans.get(type);
    }

    /** Adds or replaces a directory entry as the integration engine does; answers the stored entry. */
    public <T extends DirectoryEntry> T save(T entry) {
        Caller signedIn = caller;
        caller = new Caller("integration", EnumSet.of(Role.INTEGRATION), Optional.empty());
        try {
            return beans.get(DirectoryService.class).save(entry, null).entry();
        } finally {
            caller = signedIn;
        }
    }

    /** Runs work as the container runs a timer or a singleton's method: in a transaction of its own. */
    public void inTransaction(Runnable work) {
        beans.get(TestTransactions.class).required(true, () -> {
            work.run();
            return null;
        });
    }

    /** Every thread of the clinic, drafts included, by id. */
    public List<Conversation> threads() {
        return beans.get(EntityManager.class)
                .createQuery("select c from Conversation c order by c.id", Conversation.class)
                .getResultList();
    }

    /** Changes the clinic's policy, as an admin would. */
    public void policy(Consumer<ClinicPolicy> change) {
        change.accept(beans.get(ClinicPolicyRepository.class).find().orElseThrow());
    }

    public void careTeam(String patientId, String... practitionerIds) {
        CareTeam team = new CareTeam("team-" + patientId);
        team.setPatientId(patientId);
        team.getPractitionerIds().addAll(List.of(practitionerIds));
        save(team);
    }

    public PractitionerRole role(String practitionerId, boolean portalMessaging, boolean charges) {
        PractitionerRole role = new PractitionerRole("role-" + practitionerId);
        role.setPractitionerId(practitionerId);
        role.setPortalMessaging(portalMessaging);
        role.setChargesForMessages(charges);
        return save(role);
    }

    public RelatedPerson proxy(String id, String patientId) {
        RelatedPerson proxy = new RelatedPerson(id);
        proxy.setPatientId(patientId);
        proxy.setPortalUsername("gina");
        return save(proxy);
    }

    public Caller caller() {
        return caller;
    }

    public void actAs(Caller caller) {
        this.caller = caller;
        this.onBehalfOf = null;
    }

    /** The practitioner the current caller said it acts for, as the audit record would name them. */
    public Optional<Party> onBehalfOf() {
        return Optional.ofNullable(onBehalfOf);
    }

    /** Signs in as a demo account: patients and practitioners by id, gina as the proxy, anyone else as an integration. */
    public void actAs(String account) {
        onBehalfOf = null;
        if (account.equals("gina")) {
            Map<String, String> proxyFor = new LinkedHashMap<>();
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

    public void later(Duration duration) {
        clock.advance(duration);
    }

    /** Starts a plain thread as the current caller and returns its id. */
    public String start(String patientId, String practitionerId) {
        return bean(SendingService.class)
                .start(NewThread.of(patientId, practitionerId, "general", null, false))
                .conversation()
                .getId();
    }
}
