package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * The messaging rules over FHIR with the demo clinic: policy, eligibility, proxies,
 * confidentiality, drafts, billing consent and inbox search, each with real tokens.
 */
class RulesIT extends MissiveIT {

    private static final String MESSAGING_ENABLED = "https://missive.dev/fhir/StructureDefinition/messaging-enabled";
    private static final String BILLING_CONSENT = "https://missive.dev/fhir/StructureDefinition/billing-consent";

    @Test
    void theClinicAdminSwitchesMessagingOffAndEveryoneIsTold() {
        Fhir admin = Fhir.as("admin");
        Organization clinic = admin.get("Organization/clinic").as(Organization.class);
        assertEquals(200, Fhir.as("alice").get("Organization/clinic").status(), "everyone reads the policy");
        assertEquals(
                403, Fhir.as("alice").put("Organization/clinic", clinic, null).status());
        try {
            clinic.getExtensionByUrl(MESSAGING_ENABLED).setValue(new BooleanType(false));
            assertEquals(200, admin.put("Organization/clinic", clinic, null).status());
            Fhir.Response refused = Fhir.as("alice").post("Communication", Threads.header("alice", "drlee", "Off"));
            assertEquals(422, refused.status(), refused::toString);
            assertEquals("messaging-disabled", Fhir.rule(refused));
        } finally {
            clinic.getExtensionByUrl(MESSAGING_ENABLED).setValue(new BooleanType(true));
            assertEquals(200, admin.put("Organization/clinic", clinic, null).status());
        }
        assertEquals(
                201,
                Fhir.as("alice")
                        .post("Communication", Threads.header("alice", "drlee", "On"))
                        .status());
    }

    @Test
    void onlyPortalMessagingStaffOnTheCareTeamCanBeWrittenTo() {
        Fhir.Response nurse = Fhir.as("alice").post("Communication", Threads.header("alice", "nursekim", "Nurse"));
        assertEquals(422, nurse.status(), nurse::toString);
        assertEquals("recipient-not-eligible", Fhir.rule(nurse));

        Bundle recipients = Fhir.as("alice")
                .get("Patient/alice/$message-recipients?category=general")
                .bundle();
        assertEquals(
                Set.of(
                        "PractitionerRole/role-drlee",
                        "PractitionerRole/role-drpatel",
                        "Practitioner/drlee",
                        "Practitioner/drpatel"),
                recipients.getEntry().stream()
                        .map(entry -> entry.getResource().fhirType() + "/"
                                + entry.getResource().getIdElement().getIdPart())
                        .collect(Collectors.toSet()),
                "nurse Kim takes no portal messages");
        assertEquals(
                200,
                Fhir.as("gina")
                        .get("Patient/ben/$message-recipients?category=general")
                        .status());
        assertEquals(
                404,
                Fhir.as("gina")
                        .get("Patient/alice/$message-recipients?category=general")
                        .status());
        assertEquals(
                404, Fhir.as("chloe").get("Patient/alice/$message-recipients").status());
    }

    @Test
    void aPractitionerWhoChargesNeedsTheBillingConsent() {
        Fhir alice = Fhir.as("alice");
        Fhir.Response refused = alice.post("Communication", Threads.header("alice", "drpatel", "Billing"));
        assertEquals("billing-consent-required", Fhir.rule(refused));

        Fhir.Response created = alice.post("Consent", Directory.billingConsent("alice"));
        assertEquals(201, created.status(), created::toString);

        Communication header = Threads.header("alice", "drpatel", "Billing");
        header.addExtension(
                BILLING_CONSENT,
                new Reference(
                        "Consent/" + created.as(Consent.class).getIdElement().getIdPart()));
        Fhir.Response accepted = alice.post("Communication", header);
        assertEquals(201, accepted.status(), accepted::toString);
    }

    /**
     * The billing consent sent with its thread in one transaction Bundle: written with the thread,
     * or, when the thread is refused, not at all.
     */
    @Test
    void aBillingConsentSentWithItsThreadIsWrittenWithItOrNotAtAll() {
        Fhir alice = Fhir.as("alice");
        String refusedConsent = "urn:uuid:" + UUID.randomUUID();
        Fhir.Response refused = alice.post(
                "", consentAndThread(Threads.header("alice", "nursekim", "Billing refused"), refusedConsent));
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("recipient-not-eligible", Fhir.rule(refused));
        assertEquals(
                0,
                alice.get("Consent?identifier=" + refusedConsent)
                        .bundle()
                        .getEntry()
                        .size(),
                "no orphan consent");

        String acceptedConsent = "urn:uuid:" + UUID.randomUUID();
        Fhir.Response accepted = alice.post(
                "", consentAndThread(Threads.header("alice", "drpatel", "Billing together"), acceptedConsent));
        assertEquals(200, accepted.status(), accepted::toString);
        Bundle response = accepted.bundle();
        assertEquals("201 Created", response.getEntry().get(0).getResponse().getStatus());
        String consentId =
                response.getEntry().get(0).getResource().getIdElement().getIdPart();
        Communication thread = (Communication) response.getEntry().get(1).getResource();
        assertEquals(
                "Consent/" + consentId,
                ((Reference) thread.getExtensionByUrl(BILLING_CONSENT).getValue()).getReference());
        assertEquals(
                1,
                alice.get("Consent?identifier=" + acceptedConsent)
                        .bundle()
                        .getEntry()
                        .size());
    }

    private static Bundle consentAndThread(Communication header, String consentIdentifier) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Consent consent = Directory.billingConsent("alice");
        consent.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue(consentIdentifier);
        bundle.addEntry()
                .setFullUrl(consentIdentifier)
                .setResource(consent)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Consent");
        header.addExtension(BILLING_CONSENT, new Reference(consentIdentifier));
        String headerUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry()
                .setFullUrl(headerUrl)
                .setResource(header)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Communication");
        Communication first = new Communication();
        first.setStatus(Communication.CommunicationStatus.COMPLETED);
        first.addPartOf(new Reference(headerUrl));
        first.addPayload().setContent(new StringType("Will this be charged?"));
        bundle.addEntry()
                .setResource(first)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Communication");
        return bundle;
    }

    @Test
    void aGuardianWritesForEachChildAsThemselves() {
        Fhir gina = Fhir.as("gina");
        for (String child : List.of("ben", "chloe")) {
            Communication header = Threads.header(child, "drlee", "For " + child);
            Threads.regarding(header, child);
            Fhir.Response started = gina.post("Communication", header);
            assertEquals(201, started.status(), started::toString);
            Communication thread = started.as(Communication.class);
            assertEquals("RelatedPerson/gina-for-" + child, thread.getSender().getReference());
            String messageId = Threads.send(gina, thread.getIdElement().getIdPart(), "Question about " + child);
            Communication message = gina.get("Communication/" + messageId).as(Communication.class);
            assertEquals("RelatedPerson/gina-for-" + child, message.getSender().getReference());
        }
        Fhir.Response forAlice = gina.post("Communication", Threads.header("alice", "drlee", "Not mine"));
        assertEquals(403, forAlice.status(), forAlice::toString);
    }

    @Test
    void aWriteNamesTheCallerAsItsSenderOrNoneAndAnyoneElseIsRefused() {
        Fhir alice = Fhir.as("alice");
        String threadId = Threads.start(alice, Threads.header("alice", "drlee", "Who writes"));
        Fhir.Response posing = alice.post(
                "Communication",
                Threads.message(threadId, "Signed, Dr Lee").setSender(new Reference("Practitioner/drlee")));
        assertEquals(422, posing.status(), posing::toString);
        assertEquals("sender-not-caller", Fhir.rule(posing));
        assertEquals(
                "sender-not-caller",
                Fhir.rule(alice.post(
                        "Communication",
                        Threads.header("alice", "drlee", "As Dr Lee").setSender(new Reference("Practitioner/drlee")))));
        assertEquals(
                0,
                alice.get("Communication?part-of=Communication/" + threadId)
                        .bundle()
                        .getTotal(),
                "nothing was written");
        Fhir.Response herself = alice.post(
                "Communication", Threads.message(threadId, "Signed, Alice").setSender(new Reference("Patient/alice")));
        assertEquals(201, herself.status(), herself::toString);

        Fhir drlee = Fhir.as("drlee");
        assertEquals(
                "sender-not-caller",
                Fhir.rule(drlee.post(
                        "Communication",
                        Threads.message(threadId, "Signed, Dr Patel")
                                .setSender(new Reference("Practitioner/drpatel")))));

        Fhir gina = Fhir.as("gina");
        String bens = Threads.start(gina, Threads.header("ben", "drlee", "Ben's inhaler"));
        assertEquals(
                "sender-not-caller",
                Fhir.rule(gina.post(
                        "Communication",
                        Threads.message(bens, "Signed, Ben").setSender(new Reference("Patient/ben")))));
        Fhir.Response asProxy = gina.post(
                "Communication",
                Threads.message(bens, "Signed, Gina").setSender(new Reference("RelatedPerson/gina-for-ben")));
        assertEquals(201, asProxy.status(), asProxy::toString);
    }

    @Test
    void aConfidentialThreadIsInvisibleToTheGuardianEverywhere() {
        Fhir ben = Fhir.as("ben");
        long ginaCountBefore = count(Fhir.as("gina"));
        Communication header = Threads.header("ben", "drlee", "Just between us");
        Threads.regarding(header, "ben");
        header.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted");
        String threadId = Threads.start(ben, header);
        String messageId = Threads.send(ben, threadId, "Please do not tell my guardian");

        Fhir gina = Fhir.as("gina");
        assertEquals(404, gina.get("Communication/" + threadId).status());
        assertEquals(404, gina.get("Communication/" + messageId).status());
        assertEquals(
                404, gina.get("Communication?part-of=Communication/" + threadId).status());
        assertEquals(
                404,
                gina.post("Communication", Threads.message(threadId, "Hello?")).status());
        assertEquals(ginaCountBefore, count(gina), "not in the guardian's count");
        Bundle inbox = gina.get("Communication?part-of:missing=true&_count=100").bundle();
        assertTrue(inbox.getEntry().stream()
                .noneMatch(e -> e.getResource().getIdElement().getIdPart().equals(threadId)));
        assertFalse(inbox.toString().contains(threadId));
        assertEquals(200, Fhir.as("drlee").get("Communication/" + threadId).status(), "the practitioner sees it");
    }

    @Test
    void aDraftIsTheAuthorsAloneUntilSent() {
        Fhir alice = Fhir.as("alice");
        Communication header = Threads.header("alice", "drlee", "Draft");
        header.setStatus(Communication.CommunicationStatus.PREPARATION);
        String threadId = Threads.start(alice, header);
        Fhir drlee = Fhir.as("drlee");
        assertEquals(404, drlee.get("Communication/" + threadId).status());
        Bundle drafts = alice.get("Communication?status=preparation").bundle();
        assertTrue(drafts.getEntry().stream()
                .anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(threadId)));

        header.setId(threadId);
        header.setStatus(Communication.CommunicationStatus.INPROGRESS);
        Fhir.Response sent = alice.put("Communication/" + threadId, header, null);
        assertEquals(200, sent.status(), sent::toString);
        assertEquals(200, drlee.get("Communication/" + threadId).status());
        assertEquals(400, alice.delete("Communication/" + threadId).status(), "a sent thread is not discarded");
    }

    @Test
    void theInboxSearchesTextOfAtLeastThreeCharacters() {
        Fhir alice = Fhir.as("alice");
        String threadId = Threads.start(alice, Threads.header("alice", "drlee", "Physiotherapy"));
        Threads.send(alice, threadId, "Is the zebracrossing exercise still on?");
        assertEquals(
                400, alice.get("Communication?part-of:missing=true&_content=ze").status());
        for (String text : List.of("zebracrossing", "PHYSIO", "Emma Lee")) {
            Bundle found = alice.get("Communication?part-of:missing=true&_content=" + text.replace(" ", "%20"))
                    .bundle();
            assertTrue(
                    found.getEntry().stream()
                            .anyMatch(e ->
                                    e.getResource().getIdElement().getIdPart().equals(threadId)),
                    text);
        }
        assertEquals(
                0,
                Fhir.as("chloe")
                        .get("Communication?part-of:missing=true&_content=zebracrossing")
                        .bundle()
                        .getEntry()
                        .size(),
                "only the caller's own threads are searched");
    }

    @Test
    void whenAPractitionerLeavesTheirPatientsKeepReadingButNoLongerWrite() {
        Fhir integration = Fhir.as(Tokens.INTEGRATION);
        Practitioner leaver = new Practitioner();
        leaver.setId("it-leaver");
        leaver.setActive(true);
        leaver.addName().setFamily("Leaver").addGiven("Lee");
        assertEquals(
                201, integration.put("Practitioner/it-leaver", leaver, null).status());
        PractitionerRole role = new PractitionerRole();
        role.setId("it-leaver-role");
        role.setPractitioner(new Reference("Practitioner/it-leaver"));
        role.addCode()
                .addCoding()
                .setSystem("https://missive.dev/fhir/CodeSystem/practitioner-role")
                .setCode("portal-messaging");
        assertEquals(
                201,
                integration.put("PractitionerRole/it-leaver-role", role, null).status());
        CareTeam team = new CareTeam();
        team.setId("it-leaver-team");
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        team.setSubject(new Reference("Patient/chloe"));
        team.addParticipant().setMember(new Reference("Practitioner/it-leaver"));
        assertEquals(201, integration.put("CareTeam/it-leaver-team", team, null).status());

        Fhir chloe = Fhir.as("chloe");
        String threadId = Threads.start(chloe, Threads.header("chloe", "it-leaver", "Before you go"));
        leaver.setActive(false);
        assertEquals(
                200, integration.put("Practitioner/it-leaver", leaver, null).status());

        Communication thread = chloe.get("Communication/" + threadId).as(Communication.class);
        assertEquals(Communication.CommunicationStatus.COMPLETED, thread.getStatus());
        assertEquals(
                "practitioner-inactive",
                thread.getStatusReason().getCodingFirstRep().getCode());
        Fhir.Response refused = chloe.post("Communication", Threads.message(threadId, "Hello?"));
        assertEquals("thread-closed", Fhir.rule(refused));
        assertEquals("thread-locked", Fhir.rule(chloe.postEmpty("Communication/" + threadId + "/$reopen")));
    }

    private static long count(Fhir client) {
        return client.get("Communication?part-of:missing=true&_summary=count")
                .bundle()
                .getTotal();
    }
}
