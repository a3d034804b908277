package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Team pools over HTTP with real tokens and real emails, on the demo clinic's "Clinic nurses"
 * (Nurse Kim, Dr Lee, Dr Patel; medication renewals). For Alice, Dr Lee and Dr Patel may be
 * written to; Nurse Kim has no portal-messaging role, so the pool does not reach her.
 */
class PoolsIT extends MissiveIT {

    static final String POOL = "CareTeam/pool-nurses";
    private static final String CLAIMED_BY = "https://missive.dev/fhir/StructureDefinition/claimed-by";

    private final Fhir alice = Fhir.as("alice");
    private final Fhir drlee = Fhir.as("drlee");
    private final Fhir drpatel = Fhir.as("drpatel");

    /** A medication renewal from Alice to the nurses' pool. */
    static Communication toNurses(String topic) {
        Communication header = Threads.header("alice", "drlee", topic);
        header.getRecipient().clear();
        header.addRecipient(new Reference(POOL));
        header.getCategory().clear();
        header.addCategory(new CodeableConcept(new Coding(Threads.MESSAGE_TYPE, "medication-renewal", null)));
        return header;
    }

    private static long emails(GreenMail mail, String address, String thread) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> Mails.addressedTo(m, address)
                        && Mails.part(m, "text/plain").contains(thread))
                .count();
    }

    private static void awaitEmail(GreenMail mail, String address, String thread) {
        Mails.await(
                        mail,
                        m -> Mails.addressedTo(m, address)
                                && Mails.part(m, "text/plain").contains(thread))
                .orElseThrow();
    }

    private static List<String> recipients(Communication header) {
        return header.getRecipient().stream().map(Reference::getReference).toList();
    }

    private static String claimedBy(Communication header) {
        return header.hasExtension(CLAIMED_BY)
                ? ((Reference) header.getExtensionByUrl(CLAIMED_BY).getValue()).getReference()
                : null;
    }

    private static Parameters practitioner(String id) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("practitioner").setValue(new Reference("Practitioner/" + id));
        return parameters;
    }

    @Test
    void thePatientChoosesTheTeamEveryMemberItReachesIsEmailedUntilOneClaimsAndAnswers(GreenMail mail)
            throws Exception {
        Bundle choices = alice.get("Patient/alice/$message-recipients?category=medication-renewal")
                .bundle();
        CareTeam nurses = choices.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(CareTeam.class::isInstance)
                .map(CareTeam.class::cast)
                .findFirst()
                .orElseThrow();
        assertEquals("Clinic nurses", nurses.getName());
        assertFalse(nurses.hasParticipant(), "the patient side sees the team's name, not its members");
        assertEquals(404, alice.get(POOL).status(), "nor reads the pool");
        assertEquals(200, drpatel.get(POOL).status(), "a member reads the pool");

        Mails.afterStaffActivityWindow(Instant.now());
        String thread = Threads.start(alice, toNurses("Pool refill"));
        Threads.send(alice, thread, "Please renew my prescription");
        awaitEmail(mail, "drlee@example.com", thread);
        awaitEmail(mail, "drpatel@example.com", thread);
        assertEquals(404, Fhir.as("nursekim").get("Communication/" + thread).status(), "not reached");

        Communication asAlice = alice.get("Communication/" + thread).as(Communication.class);
        assertEquals(List.of("Patient/alice", POOL), recipients(asAlice), "no staff member's name");
        assertEquals("Clinic nurses", asAlice.getRecipient().get(1).getDisplay());
        Bundle teamInbox = drpatel.get("Communication?part-of:missing=true&recipient=" + POOL)
                .bundle();
        assertTrue(teamInbox.getEntry().stream()
                .anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(thread)));

        Fhir.Response claimed = drpatel.postEmpty("Communication/" + thread + "/$claim");
        assertEquals(200, claimed.status(), claimed::toString);
        assertEquals("Practitioner/drpatel", claimedBy(claimed.as(Communication.class)));
        assertEquals(
                "Practitioner/drpatel",
                claimedBy(drlee.get("Communication/" + thread).as(Communication.class)),
                "the other members see who holds it");
        Fhir.Response second = drlee.postEmpty("Communication/" + thread + "/$claim");
        assertEquals(422, second.status(), second::toString);
        assertEquals("pool-thread-claimed", Fhir.rule(second));
        assertEquals(null, claimedBy(alice.get("Communication/" + thread).as(Communication.class)));

        Mails.afterStaffActivityWindow(Instant.now());
        Threads.send(alice, thread, "Any news?");
        Mails.await(mail, m -> emails(mail, "drpatel@example.com", thread) == 2).orElseThrow();
        assertEquals(1, emails(mail, "drlee@example.com", thread), "after a claim, only the claimer is emailed");

        Threads.send(drpatel, thread, "Renewed");
        asAlice = alice.get("Communication/" + thread).as(Communication.class);
        assertTrue(recipients(asAlice).contains("Practitioner/drpatel"), "once a member answers, the patient sees who");
        assertEquals("Practitioner/drpatel", claimedBy(asAlice));
    }

    @Test
    void membersClaimReleaseAndAssignAndEveryoneElseIsRefused() {
        String thread = Threads.start(alice, toNurses("Pool passing"));
        Threads.send(alice, thread, "Refill please");
        String path = "Communication/" + thread;

        assertEquals(403, alice.postEmpty(path + "/$claim").status(), "the patient");
        assertEquals(403, Fhir.as("admin").postEmpty(path + "/$claim").status(), "an admin does not claim");
        assertEquals(404, Fhir.as("ben").postEmpty(path + "/$claim").status(), "not theirs to see");
        assertEquals(200, drlee.postEmpty(path + "/$claim").status());
        assertEquals(403, drpatel.postEmpty(path + "/$release").status(), "not the claimer");
        assertEquals(200, drlee.postEmpty(path + "/$release").status());
        assertEquals(null, claimedBy(drlee.get(path).as(Communication.class)));

        Fhir.Response toKim = drlee.post(path + "/$assign", practitioner("nursekim"));
        assertEquals(422, toKim.status(), toKim::toString);
        assertEquals("recipient-not-eligible", Fhir.rule(toKim));
        Fhir.Response assigned = drlee.post(path + "/$assign", practitioner("drpatel"));
        assertEquals(200, assigned.status(), assigned::toString);
        assertEquals("Practitioner/drpatel", claimedBy(assigned.as(Communication.class)));
        assertEquals(422, drlee.post(path + "/$assign", practitioner("drlee")).status(), "held by Dr Patel");
        assertEquals(
                422,
                drlee.post("Communication", Threads.message(thread, "Me too")).status(),
                "held by another member");
        assertEquals(200, Fhir.as("admin").postEmpty(path + "/$release").status());
        assertEquals(
                200,
                Fhir.as("admin").post(path + "/$assign", practitioner("drlee")).status());
        assertEquals(400, drlee.postEmpty(path + "/$assign").status(), "whom to");
    }

    @Test
    void aConfidentialThreadAndATypeTheTeamDoesNotTakeAreRefusedAndAThreadToOnePractitionerIsNotClaimed() {
        Communication confidential = toNurses("Pool secret");
        confidential.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null);
        Fhir.Response refused = alice.post("Communication", confidential);
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("pool-thread-confidential", Fhir.rule(refused));

        Communication general = toNurses("Pool general");
        general.getCategory().clear();
        general.addCategory(new CodeableConcept(new Coding(Threads.MESSAGE_TYPE, "general", null)));
        Fhir.Response notTaken = alice.post("Communication", general);
        assertEquals(422, notTaken.status(), notTaken::toString);
        assertEquals("recipient-not-eligible", Fhir.rule(notTaken));

        String direct = Threads.start(alice, "alice", "drlee", "Pool direct");
        Fhir.Response notPooled = drlee.postEmpty("Communication/" + direct + "/$claim");
        assertEquals(422, notPooled.status(), notPooled::toString);
        assertEquals("thread-not-pooled", Fhir.rule(notPooled));
    }
}
