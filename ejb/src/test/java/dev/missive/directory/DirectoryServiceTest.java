package dev.missive.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.RuleViolationException;
import dev.missive.service.VersionConflictException;
import dev.missive.testing.TestClinic;
import dev.missive.thread.ConversationStatus;
import dev.missive.thread.NewMessage;
import dev.missive.thread.ReadingService;
import dev.missive.thread.SendingService;
import dev.missive.thread.ThreadStatusReason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who reads and who writes which directory entries, and conditional create. */
class DirectoryServiceTest {

    private static final Identifier MRN_ALICE = new Identifier("urn:oid:1.2.3", "MRN-1");

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final ReadingService reading = clinic.bean(ReadingService.class);
    private final DirectoryService directory = clinic.bean(DirectoryService.class);

    @BeforeEach
    void directory() {
        clinic.actAs("integration");
        named("alice", "Alice", "Moreau");
        named("ben", "Ben", "Moreau");
        episode("episode-alice-knee", "alice");
        episode("episode-alice-diabetes", "alice");
        episode("episode-ben", "ben");
        Appointment visit = new Appointment("appointment-chloe");
        visit.setPatientId("chloe");
        visit.setStatus("fulfilled");
        visit.setStart(clinic.clock.instant().minus(Duration.ofDays(10)));
        visit.getPractitionerIds().add("drlee");
        directory.create(visit, null);
        consent("consent-alice", "alice");
        consent("consent-ben", "ben");
        RelatedPerson grandpa = new RelatedPerson("grandpa-for-alice");
        grandpa.setPatientId("alice");
        grandpa.setPortalUsername("grandpa");
        directory.save(grandpa, null);
    }

    @Test
    void aPractitionerWhoLeavesHasTheirOpenThreadsClosedForGood() {
        clinic.actAs("ben");
        String bens = clinic.start("ben", "drlee");
        clinic.actAs("chloe");
        String chloes = clinic.start("chloe", "drlee");
        clinic.actAs("integration");
        directory.save(clinic.practitioners.find("drlee").orElseThrow(), null);
        assertEquals(
                ConversationStatus.OPEN,
                clinic.conversations.find(bens).orElseThrow().getStatus(),
                "an update that changes nothing closes nothing");

        Practitioner leaving = new Practitioner("drlee");
        leaving.setActive(false);
        directory.save(leaving, null);
        for (String thread : List.of(bens, chloes)) {
            assertEquals(
                    ThreadStatusReason.PRACTITIONER_INACTIVE,
                    clinic.conversations.find(thread).orElseThrow().getStatusReason());
        }
        clinic.actAs("ben");
        assertEquals(bens, reading.communication(bens).thread().conversation().getId(), "still readable");
        RuleViolationException refused = assertThrows(
                RuleViolationException.class, () -> sending.send(new NewMessage(bens, "Are you there?", null)));
        assertEquals("thread-closed", refused.rule().code());
    }

    @Test
    void endingAPractitionersLastRoleClosesTheirThreads() {
        clinic.actAs("ben");
        String thread = clinic.start("ben", "drlee");
        clinic.actAs("integration");
        PractitionerRole ended = new PractitionerRole("role-drlee");
        ended.setPractitionerId("drlee");
        ended.setPortalMessaging(true);
        ended.setActive(false);
        directory.save(ended, null);
        assertEquals(
                ThreadStatusReason.PRACTITIONER_INACTIVE,
                clinic.conversations.find(thread).orElseThrow().getStatusReason());
    }

    @Test
    void integrationEnginesAndClinicAdminsReadEverything() {
        for (Caller everything : List.of(clinic.caller(), as("admin", Role.CLINIC_ADMIN))) {
            clinic.actAs(everything);
            assertEquals(3, directory.count(Patient.class, DirectoryQuery.ALL));
            assertEquals(3, directory.count(EpisodeOfCare.class, DirectoryQuery.ALL));
            assertEquals(2, directory.count(Consent.class, DirectoryQuery.ALL));
            assertEquals(3, directory.count(RelatedPerson.class, DirectoryQuery.ALL));
            assertEquals(
                    "chloe",
                    directory.read(Appointment.class, "appointment-chloe").getPatientId());
        }
    }

    @Test
    void aPatientReadsTheirOwnRecords() {
        clinic.actAs("alice");
        assertEquals("alice", directory.read(Patient.class, "alice").getId());
        assertEquals(List.of("alice"), ids(directory.search(Patient.class, DirectoryQuery.ALL, 0, 10)));
        assertEquals(List.of("team-alice"), ids(directory.search(CareTeam.class, DirectoryQuery.ALL, 0, 10)));
        assertEquals(
                List.of("episode-alice-diabetes", "episode-alice-knee"),
                ids(directory.search(EpisodeOfCare.class, DirectoryQuery.ALL, 0, 10)));
        assertEquals(List.of("consent-alice"), ids(directory.search(Consent.class, DirectoryQuery.ALL, 0, 10)));
        assertEquals(
                List.of("grandpa-for-alice"), ids(directory.search(RelatedPerson.class, DirectoryQuery.ALL, 0, 10)));

        assertThrows(NotFoundException.class, () -> directory.read(Patient.class, "ben"));
        assertThrows(NotFoundException.class, () -> directory.read(CareTeam.class, "team-ben"));
        assertThrows(NotFoundException.class, () -> directory.read(Appointment.class, "appointment-chloe"));
        assertThrows(NotFoundException.class, () -> directory.read(RelatedPerson.class, "gina-for-ben"));
        assertTrue(directory
                .search(Patient.class, DirectoryQuery.ALL.withName("ben"), 0, 10)
                .isEmpty());
    }

    @Test
    void aPatientReadsThePractitionersAndRolesOfTheirCareTeamOnly() {
        clinic.actAs("chloe");
        assertEquals("drlee", directory.read(Practitioner.class, "drlee").getId());
        assertThrows(NotFoundException.class, () -> directory.read(Practitioner.class, "drpatel"));
        assertEquals(List.of("drlee"), ids(directory.search(Practitioner.class, DirectoryQuery.ALL, 0, 10)));
        assertEquals(List.of("role-drlee"), ids(directory.search(PractitionerRole.class, DirectoryQuery.ALL, 0, 10)));

        clinic.careTeams.find("team-chloe").orElseThrow().setActive(false);
        assertThrows(
                NotFoundException.class,
                () -> directory.read(Practitioner.class, "drlee"),
                "an inactive care team gives no access");
    }

    @Test
    void aProxyReadsThePatientsTheyActForAndTheirOwnRecords() {
        clinic.actAs("gina");
        assertEquals(List.of("ben", "chloe"), ids(directory.search(Patient.class, DirectoryQuery.ALL, 0, 10)));
        assertThrows(NotFoundException.class, () -> directory.read(Patient.class, "alice"));
        assertEquals(
                List.of("gina-for-ben", "gina-for-chloe"),
                ids(directory.search(RelatedPerson.class, DirectoryQuery.ALL, 0, 10)));
        assertEquals(List.of("episode-ben"), ids(directory.search(EpisodeOfCare.class, DirectoryQuery.ALL, 0, 10)));
        assertEquals(List.of("consent-ben"), ids(directory.search(Consent.class, DirectoryQuery.ALL, 0, 10)));
        assertEquals(
                "chloe", directory.read(Appointment.class, "appointment-chloe").getPatientId());
        assertEquals(List.of("drlee"), ids(directory.search(Practitioner.class, DirectoryQuery.ALL, 0, 10)));
        assertThrows(NotFoundException.class, () -> directory.read(RelatedPerson.class, "grandpa-for-alice"));
    }

    @Test
    void aProxyWhosePeriodEndedKeepsOnlyTheirOwnRecord() {
        clinic.relatedPersons
                .find("gina-for-ben")
                .orElseThrow()
                .setPeriod(new Period(null, clinic.clock.instant().minus(Duration.ofDays(1))));
        clinic.actAs("gina");
        assertThrows(NotFoundException.class, () -> directory.read(Patient.class, "ben"));
        assertThrows(NotFoundException.class, () -> directory.read(EpisodeOfCare.class, "episode-ben"));
        assertEquals(
                "ben",
                directory.read(RelatedPerson.class, "gina-for-ben").getPatientId(),
                "a proxy still reads their own record");
        assertEquals(List.of("chloe"), ids(directory.search(Patient.class, DirectoryQuery.ALL, 0, 10)));
    }

    @Test
    void aPractitionerReadsTheStaffDirectoryAndThePatientsTheyCareFor() {
        clinic.actAs("drpatel");
        assertEquals(
                List.of("drlee", "drpatel", "nursekim"),
                ids(directory.search(Practitioner.class, DirectoryQuery.ALL, 0, 10)));
        assertEquals(3, directory.count(PractitionerRole.class, DirectoryQuery.ALL));
        assertEquals(
                List.of("alice"),
                ids(directory.search(Patient.class, DirectoryQuery.ALL.withName("moreau"), 0, 10)),
                "Dr Patel finds Alice by name, not Ben");
        assertThrows(NotFoundException.class, () -> directory.read(Patient.class, "ben"));
        assertEquals(2, directory.count(EpisodeOfCare.class, DirectoryQuery.ALL.withPatient("alice")));
        assertEquals(
                List.of("grandpa-for-alice"), ids(directory.search(RelatedPerson.class, DirectoryQuery.ALL, 0, 10)));
        assertThrows(
                NotFoundException.class,
                () -> directory.read(Consent.class, "consent-alice"),
                "billing consents are the patient's side's");

        clinic.actAs("drlee");
        assertEquals(
                "chloe", directory.read(Appointment.class, "appointment-chloe").getPatientId());
        assertEquals(
                List.of("appointment-chloe"),
                ids(directory.search(Appointment.class, DirectoryQuery.ALL.withPractitioner("drlee"), 0, 10)));
    }

    @Test
    void searchesArePagedWithinWhatTheCallerMaySee() {
        clinic.actAs("integration");
        assertEquals(List.of("ben", "chloe"), ids(directory.search(Patient.class, DirectoryQuery.ALL, 1, 2)));
        clinic.actAs("ben");
        assertEquals(1, directory.count(Patient.class, DirectoryQuery.ALL));
        assertTrue(directory.search(Patient.class, DirectoryQuery.ALL, 1, 10).isEmpty());
    }

    @Test
    void onlyIntegrationEnginesWriteTheDirectory() {
        Practitioner intruder = new Practitioner("intruder");
        for (Caller person : List.of(
                as("alice", Role.PATIENT),
                as("drlee", Role.PRACTITIONER),
                as("admin", Role.CLINIC_ADMIN),
                as("gina", Role.PROXY))) {
            clinic.actAs(person);
            assertThrows(ForbiddenException.class, () -> directory.save(intruder, null), person.username());
            assertThrows(ForbiddenException.class, () -> directory.create(intruder, null), person.username());
        }
        assertTrue(clinic.practitioners.find("intruder").isEmpty());
    }

    @Test
    void aPatientOrTheirProxyRecordsABillingConsentForThatPatientOnly() {
        clinic.actAs("alice");
        Consent own = billingConsent("alice");
        own.setGivenAt(clinic.clock.instant().minus(Duration.ofDays(365)));
        Saved<Consent> saved = directory.create(own, null);
        assertTrue(saved.created());
        assertEquals(clinic.clock.instant(), saved.entry().getGivenAt(), "given when sent, whatever the request says");
        assertThrows(ForbiddenException.class, () -> directory.create(billingConsent("ben"), null));
        assertThrows(
                ForbiddenException.class,
                () -> directory.save(billingConsent("alice"), null),
                "a person creates consents, never replaces them");
        Consent inactive = billingConsent("alice");
        inactive.setStatus("inactive");
        assertThrows(ForbiddenException.class, () -> directory.create(inactive, null));

        clinic.actAs("gina");
        assertTrue(directory.create(billingConsent("ben"), null).created());
        assertThrows(ForbiddenException.class, () -> directory.create(billingConsent("alice"), null));
        clinic.actAs("drlee");
        assertThrows(ForbiddenException.class, () -> directory.create(billingConsent("chloe"), null));
        clinic.actAs("integration");
        assertEquals(4, directory.count(Consent.class, DirectoryQuery.ALL));
    }

    @Test
    void aConditionalCreateFindsWhatAnEarlierTryMadeAndWritesNothing() {
        Patient first = newPatient("Dana");
        Saved<Patient> created = directory.create(first, MRN_ALICE);
        assertTrue(created.created());
        Saved<Patient> retried = directory.create(newPatient("Dana again"), MRN_ALICE);
        assertFalse(retried.created());
        assertEquals(created.entry().getId(), retried.entry().getId());
        assertEquals("Dana", retried.entry().getGivenName(), "the retry wrote nothing");
        assertEquals(4, directory.count(Patient.class, DirectoryQuery.ALL));
        assertEquals(Set.of(MRN_ALICE), retried.entry().getIdentifiers());
    }

    @Test
    void aConditionalCreateMatchingTwoEntriesIsRefused() {
        for (String id : List.of("twin-1", "twin-2")) {
            Patient twin = new Patient(id);
            twin.getIdentifiers().add(MRN_ALICE);
            directory.save(twin, null);
        }
        assertThrows(VersionConflictException.class, () -> directory.create(newPatient("Third"), MRN_ALICE));
        assertEquals(5, directory.count(Patient.class, DirectoryQuery.ALL));
    }

    @Test
    void aConditionalCreateOnlyMatchesWhatTheCallerMaySee() {
        Consent integrations = billingConsent("alice");
        integrations.getIdentifiers().add(new Identifier("urn:ehr:consent", "C-7"));
        directory.create(integrations, null);
        clinic.actAs("gina");
        Saved<Consent> ginas = directory.create(billingConsent("ben"), new Identifier("urn:ehr:consent", "C-7"));
        assertTrue(ginas.created(), "Alice's consent is neither returned nor revealed to Gina");
        assertEquals("ben", ginas.entry().getPatientId());
    }

    @Test
    void identifiersAreKeptFoundInAnySystemAndReplacedOnUpdate() {
        Patient patient = newPatient("Eve");
        patient.getIdentifiers().add(new Identifier(null, "no-system"));
        String id = directory.create(patient, null).entry().getId();
        assertEquals(
                Set.of(MRN_ALICE, new Identifier(null, "no-system")),
                directory.read(Patient.class, id).getIdentifiers());
        assertEquals(
                List.of(id),
                ids(directory.search(
                        Patient.class, DirectoryQuery.byIdentifier(new Identifier(null, "MRN-1")), 0, 10)));
        assertTrue(directory
                .search(Patient.class, DirectoryQuery.byIdentifier(new Identifier("urn:other", "MRN-1")), 0, 10)
                .isEmpty());

        Patient replacement = new Patient(id);
        replacement.getIdentifiers().add(new Identifier("urn:oid:1.2.3", "MRN-2"));
        directory.save(replacement, 0L);
        assertEquals(
                Set.of(new Identifier("urn:oid:1.2.3", "MRN-2")),
                directory.read(Patient.class, id).getIdentifiers());
        assertTrue(directory
                .search(Patient.class, DirectoryQuery.byIdentifier(MRN_ALICE), 0, 10)
                .isEmpty());
    }

    @Test
    void updatesBasedOnAnOldVersionAreRefused() {
        assertThrows(VersionConflictException.class, () -> directory.save(new Patient("alice"), 3L));
        assertThrows(
                VersionConflictException.class,
                () -> directory.save(new Patient("nobody"), 0L),
                "If-Match on an entry that does not exist");
        assertTrue(clinic.patients.find("nobody").isEmpty());
    }

    @Test
    void entriesMustReferToKnownPeopleAndCarryReasonableIdentifiers() {
        RelatedPerson orphan = new RelatedPerson("orphan");
        orphan.setPatientId("nobody");
        assertThrows(InvalidRequestException.class, () -> directory.save(orphan, null));
        Appointment withStranger = new Appointment("with-stranger");
        withStranger.setPatientId("alice");
        withStranger.setStatus("booked");
        withStranger.getPractitionerIds().add("stranger");
        assertThrows(InvalidRequestException.class, () -> directory.create(withStranger, null));
        PractitionerRole roleOfNobody = new PractitionerRole("role-nobody");
        assertThrows(InvalidRequestException.class, () -> directory.save(roleOfNobody, null));
        Patient longId = newPatient("Long");
        longId.getIdentifiers().add(new Identifier(null, "x".repeat(Identifier.MAX_VALUE_LENGTH + 1)));
        assertThrows(InvalidRequestException.class, () -> directory.create(longId, null));
        assertEquals(3, directory.count(Patient.class, DirectoryQuery.ALL));
    }

    private Caller as(String username, Role role) {
        return new Caller(username, EnumSet.of(role), Optional.empty());
    }

    private static List<String> ids(List<? extends DirectoryEntry> entries) {
        return entries.stream().map(DirectoryEntry::getId).toList();
    }

    private void named(String id, String given, String family) {
        Patient patient = clinic.patients.find(id).orElseThrow();
        patient.setGivenName(given);
        patient.setFamilyName(family);
    }

    private void episode(String id, String patientId) {
        EpisodeOfCare episode = new EpisodeOfCare(id);
        episode.setPatientId(patientId);
        episode.setStatus("active");
        directory.save(episode, null);
    }

    private void consent(String id, String patientId) {
        Consent consent = new Consent(id);
        consent.setPatientId(patientId);
        consent.setStatus("active");
        consent.setCategory(Consent.MESSAGE_BILLING);
        directory.save(consent, null);
    }

    private static Consent billingConsent(String patientId) {
        Consent consent = new Consent(null);
        consent.setPatientId(patientId);
        consent.setStatus("active");
        consent.setCategory(Consent.MESSAGE_BILLING);
        return consent;
    }

    private static Patient newPatient(String given) {
        Patient patient = new Patient(null);
        patient.setGivenName(given);
        patient.getIdentifiers().add(MRN_ALICE);
        return patient;
    }
}
