package dev.missive.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * Seeds the clinic through the API: Keycloak users, directory entries by PUT under fixed ids, one
 * thread per patient and care-team practitioner, and the existing messages spread over them. A
 * patient who already has threads (a rerun) keeps them and gets no new messages.
 */
final class Seeder {

    private static final String PORTAL_USERNAME = "https://missive.dev/fhir/sid/portal-username";
    private static final String EMAIL_NOTIFICATIONS =
            "https://missive.dev/fhir/StructureDefinition/email-notifications";
    private static final String ROLE_SYSTEM = "https://missive.dev/fhir/CodeSystem/practitioner-role";

    private final Http http;
    private final FhirApi api;
    private final Options options;
    private final Map<Clinic.Person, Tokens> tokens = new ConcurrentHashMap<>();

    Seeder(Http http, FhirApi api, Options options) {
        this.http = http;
        this.api = api;
        this.options = options;
    }

    Tokens tokensOf(Clinic.Person person) {
        return tokens.computeIfAbsent(person, p -> Tokens.person(http, options.keycloak(), p.username()));
    }

    /**
     * The clinic an earlier run seeded, without a write: each patient's threads read from their
     * inbox (one request each), so that a freshly started server is measured from its first
     * requests ({@code --seed skip}).
     */
    Clinic existing() {
        Clinic clinic = new Clinic(options.patients(), options.practitioners());
        for (Clinic.Person patient : clinic.patients) {
            if (!addExisting(clinic, patient)) {
                throw new IllegalStateException(
                        "--seed skip, but " + patient.username() + " had no threads: seed first (--seed only)");
            }
        }
        return clinic;
    }

    Clinic seed() throws Exception {
        Clinic clinic = new Clinic(options.patients(), options.practitioners());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            KeycloakUsers users = new KeycloakUsers(http, options.keycloak());
            all(pool, clinic.everyone(), users::ensure);
            String engine = Tokens.integrationEngine(http, options.keycloak()).get();
            all(pool, clinic.practitioners, p -> {
                api.put(engine, practitioner(p));
                api.put(engine, role(p));
            });
            all(pool, clinic.patients, p -> {
                api.put(engine, patient(p));
                api.put(engine, careTeam(p, clinic.careTeam(p)));
            });
            List<Clinic.Thread> fresh = new ArrayList<>();
            for (Clinic.Person patient : clinic.patients) {
                fresh.addAll(threadsOf(clinic, patient));
            }
            int perThread = fresh.isEmpty() ? 0 : options.messages() / fresh.size();
            all(pool, fresh, thread -> {
                for (int n = 0; n < perThread; n++) {
                    Clinic.Person sender = n % 2 == 0 ? thread.patient() : thread.practitioner();
                    api.send(tokensOf(sender).get(), thread.id(), "Seeded message " + n)
                            .orFail("seed message");
                }
            });
            System.out.printf(
                    "seeded: %d patients, %d practitioners, %d new threads with %d messages each%n",
                    clinic.patients.size(), clinic.practitioners.size(), fresh.size(), perThread);
            return clinic;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** The patient's existing threads, or new ones (returned) with each care-team practitioner. */
    private List<Clinic.Thread> threadsOf(Clinic clinic, Clinic.Person patient) {
        if (addExisting(clinic, patient)) {
            return List.of();
        }
        String token = tokensOf(patient).get();
        List<Clinic.Thread> fresh = new ArrayList<>();
        for (Clinic.Person practitioner : clinic.careTeam(patient)) {
            String id = api.idOf(api.startThread(token, patient, practitioner).orFail("seed thread"));
            Clinic.Thread thread = new Clinic.Thread(id, patient, practitioner);
            clinic.add(thread);
            fresh.add(thread);
        }
        return fresh;
    }

    /** Adds the patient's threads found in their inbox to the clinic; false if they have none. */
    private boolean addExisting(Clinic clinic, Clinic.Person patient) {
        List<Communication> existing = api.threads(tokensOf(patient).get());
        for (Communication header : existing) {
            String practitioner = header.getRecipient().stream()
                    .map(Reference::getReference)
                    .filter(r -> r.startsWith("Practitioner/"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("a thread of " + patient.id() + " without a practitioner"));
            clinic.practitioners.stream()
                    .filter(p -> p.reference().equals(practitioner))
                    .findFirst()
                    .ifPresent(p ->
                            clinic.add(new Clinic.Thread(header.getIdElement().getIdPart(), patient, p)));
        }
        return !existing.isEmpty();
    }

    interface Step<T> {
        void run(T item) throws Exception;
    }

    private static <T> void all(ExecutorService pool, List<T> items, Step<T> step) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> {
                step.run(item);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    private static <T extends DomainResource> T person(T resource, Clinic.Person person) {
        resource.setId(person.id());
        return resource;
    }

    private static Practitioner practitioner(Clinic.Person p) {
        Practitioner practitioner = person(new Practitioner(), p);
        practitioner.addIdentifier(new Identifier().setSystem(PORTAL_USERNAME).setValue(p.username()));
        practitioner.setActive(true);
        practitioner.addName(new HumanName().setFamily(p.id()).addGiven("Bench"));
        practitioner.addTelecom(new ContactPoint()
                .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue(p.email()));
        practitioner.addExtension(EMAIL_NOTIFICATIONS, new BooleanType(true));
        return practitioner;
    }

    private static PractitionerRole role(Clinic.Person p) {
        PractitionerRole role = new PractitionerRole();
        role.setId("role-" + p.id());
        role.setActive(true);
        role.setPractitioner(new Reference(p.reference()));
        role.addCode(new CodeableConcept(new Coding(ROLE_SYSTEM, "portal-messaging", null)));
        return role;
    }

    private static Patient patient(Clinic.Person p) {
        Patient patient = person(new Patient(), p);
        patient.addIdentifier(new Identifier().setSystem(PORTAL_USERNAME).setValue(p.username()));
        patient.setActive(true);
        patient.addName(new HumanName().setFamily(p.id()).addGiven("Bench"));
        patient.addTelecom(new ContactPoint()
                .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue(p.email()));
        return patient;
    }

    private static CareTeam careTeam(Clinic.Person patient, List<Clinic.Person> members) {
        CareTeam team = new CareTeam();
        team.setId("careteam-" + patient.id());
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        team.setSubject(new Reference(patient.reference()));
        members.forEach(m -> team.addParticipant().setMember(new Reference(m.reference())));
        return team;
    }
}
