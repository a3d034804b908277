package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * Every kind of access lands in the audit trail, and a clinic admin finds it by entity, agent,
 * date and outcome; nobody else reads the trail and nobody writes it. The record is written just
 * after the response, so the tests look for it for a few seconds.
 */
class AuditIT extends MissiveIT {

    private final Fhir admin = Fhir.as("admin");
    private final Fhir alice = Fhir.as("alice");
    private final Fhir drlee = Fhir.as("drlee");
    private final String since = "date=ge" + Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);

    private String aliceThread(String topic) {
        return Threads.start(
                alice,
                Directory.idOf(alice, "Patient", "alice"),
                Directory.idOf(alice, "Practitioner", "drlee"),
                topic);
    }

    @Test
    void createsReadsUpdatesSearchesAndOperationsAreRecorded() {
        String thread = aliceThread("Audited");
        AuditEvent created = recorded("entity=Communication/" + thread + "&agent=alice", interaction("create"));
        assertEquals(AuditEvent.AuditEventAction.C, created.getAction());
        assertEquals(AuditEventOutcome._0, created.getOutcome());
        assertEquals("Patient/alice", created.getAgentFirstRep().getWho().getReference());
        assertEquals(
                "alice", created.getAgentFirstRep().getWho().getIdentifier().getValue());
        assertEquals("patient", created.getAgentFirstRep().getRoleFirstRep().getText());
        assertTrue(created.getAgentFirstRep().getNetwork().hasAddress());

        assertEquals(200, drlee.get("Communication/" + thread).status());
        recorded("entity=Communication/" + thread + "&agent=Practitioner/drlee&outcome=0", interaction("read"));

        String message = Threads.send(alice, thread, "Audited message");
        assertEquals(
                200, drlee.postEmpty("Communication/" + message + "/$mark-read").status());
        AuditEvent markRead = recorded("entity=Communication/" + message + "&agent=drlee", interaction("operation"));
        assertEquals(
                "$mark-read",
                ((StringType) markRead.getEntityFirstRep().getDetailFirstRep().getValue()).getValue());

        String aliceId = Directory.idOf(alice, "Patient", "alice");
        String drleeId = Directory.idOf(alice, "Practitioner", "drlee");
        Communication draft = Threads.header(aliceId, drleeId, "Draft");
        draft.setStatus(Communication.CommunicationStatus.PREPARATION);
        String draftId = Threads.start(alice, draft);
        Communication edited = Threads.header(aliceId, drleeId, "Draft, edited");
        edited.setId(draftId);
        edited.setStatus(Communication.CommunicationStatus.PREPARATION);
        Fhir.Response updated = alice.put("Communication/" + draftId, edited, null);
        assertEquals(200, updated.status(), updated::toString);
        recorded("entity=Communication/" + draftId, interaction("update"));

        assertEquals(
                200, alice.get("Communication?part-of:missing=true&_count=7").status());
        AuditEvent search = recorded(
                "agent=alice&" + since,
                interaction("search-type")
                        .and(event -> new String(event.getEntityFirstRep().getQuery(), StandardCharsets.UTF_8)
                                .contains("_count=7")));
        assertEquals("Communication", search.getEntityFirstRep().getType().getCode());
    }

    @Test
    void refusalsHiddenThreadsAndForgedTokensAreRecordedAsFailures() {
        Patient intruder = new Patient();
        intruder.setId("audit-intruder");
        assertEquals(403, admin.put("Patient/audit-intruder", intruder, null).status());
        AuditEvent forbidden = recorded("entity=Patient/audit-intruder&agent=admin&outcome=4", interaction("update"));
        assertEquals("HTTP 403", forbidden.getOutcomeDesc());

        String thread = aliceThread("Hidden from Chloe");
        assertEquals(404, Fhir.as("chloe").get("Communication/" + thread).status());
        AuditEvent hidden = recorded("entity=Communication/" + thread + "&agent=chloe&outcome=4", interaction("read"));
        assertEquals("HTTP 404", hidden.getOutcomeDesc());

        Fhir.Response forged = Fhir.withToken(Tokens.of("alice") + "x").get("Communication/" + thread);
        assertEquals(401, forged.status());
        assertEquals(
                OperationOutcome.IssueType.LOGIN,
                forged.outcome().getIssueFirstRep().getCode());
        AuditEvent login = recorded(
                "entity=Communication/" + thread + "&outcome=4",
                event -> "110114".equals(event.getType().getCode()));
        assertEquals("110122", login.getSubtypeFirstRep().getCode());
        assertEquals("HTTP 401 (token-refused)", login.getOutcomeDesc());
        assertFalse(login.getAgentFirstRep().getWho().hasIdentifier(), "no account is known");
        assertFalse(login.getAgentFirstRep().getWho().hasReference());
    }

    @Test
    void aProxyIsRecordedAsTheRelatedPersonOfThePatientTheyActedFor() {
        Fhir ben = Fhir.as("ben");
        String thread = Threads.start(
                ben, Directory.idOf(ben, "Patient", "ben"), Directory.idOf(ben, "Practitioner", "drlee"), "Inhaler");
        assertEquals(200, Fhir.as("gina").get("Communication/" + thread).status());
        AuditEvent read =
                recorded("patient=Patient/ben&agent=gina&entity=Communication/" + thread, interaction("read"));
        assertEquals(
                "RelatedPerson/gina-for-ben", read.getAgentFirstRep().getWho().getReference());
        assertEquals("Patient/ben", read.getEntity().get(1).getWhat().getReference());
    }

    @Test
    void onlyClinicAdminsReadTheTrailAndNobodyChangesIt() {
        for (String account : List.of("alice", "gina", "drlee", Tokens.INTEGRATION)) {
            assertEquals(403, Fhir.as(account).get("AuditEvent?" + since).status(), account);
        }
        AuditEvent denied = recorded(
                "agent=drlee&outcome=4&" + since,
                event -> "AuditEvent".equals(event.getEntityFirstRep().getType().getCode()));
        Fhir.Response read = admin.get("AuditEvent/" + denied.getIdElement().getIdPart());
        assertEquals(200, read.status(), read::toString);
        assertEquals(AuditEventOutcome._4, read.as(AuditEvent.class).getOutcome());
        assertEquals(404, admin.get("AuditEvent/999999999").status());

        for (Fhir.Response refused : List.of(
                admin.put("AuditEvent/" + denied.getIdElement().getIdPart(), denied, null),
                admin.delete("AuditEvent/" + denied.getIdElement().getIdPart()),
                admin.post("AuditEvent", denied),
                Fhir.as(Tokens.INTEGRATION).post("AuditEvent", denied))) {
            assertTrue(refused.status() == 400 || refused.status() == 405, refused::toString);
            assertEquals(
                    OperationOutcome.IssueSeverity.ERROR,
                    refused.outcome().getIssueFirstRep().getSeverity());
        }
        assertEquals(
                AuditEventOutcome._4,
                admin.get("AuditEvent/" + denied.getIdElement().getIdPart())
                        .as(AuditEvent.class)
                        .getOutcome(),
                "unchanged");
    }

    @Test
    void theCapabilityStatementListsReadAndSearchOnly() {
        CapabilityStatement.CapabilityStatementRestResourceComponent auditEvent =
                alice.get("metadata").as(CapabilityStatement.class).getRestFirstRep().getResource().stream()
                        .filter(resource -> "AuditEvent".equals(resource.getType()))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                Set.of("read", "search-type"),
                auditEvent.getInteraction().stream()
                        .map(interaction -> interaction.getCode().toCode())
                        .collect(Collectors.toSet()));
        assertEquals(
                Set.of("date", "agent", "entity", "outcome", "patient"),
                auditEvent.getSearchParam().stream()
                        .map(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName)
                        .collect(Collectors.toSet()));
    }

    @Test
    void searchesPageNewestFirst() {
        Bundle page = admin.get("AuditEvent?" + since + "&_count=2").bundle();
        assertEquals(2, page.getEntry().size());
        assertTrue(page.getLink("next") != null, "a next page");
        Instant first = ((AuditEvent) page.getEntry().get(0).getResource())
                .getRecorded()
                .toInstant();
        Instant second = ((AuditEvent) page.getEntry().get(1).getResource())
                .getRecorded()
                .toInstant();
        assertFalse(first.isBefore(second), "newest first");
        Bundle next = admin.get(page.getLink("next").getUrl()).bundle();
        assertNotEquals(
                page.getEntry().get(1).getResource().getIdElement().getIdPart(),
                next.getEntry().get(0).getResource().getIdElement().getIdPart());
        assertEquals(400, admin.get("AuditEvent?outcome=3").status());
    }

    @Test
    void noMessageTextSubjectOrSearchTextReachesTheTrail() {
        String marker = "auditmarker" + UUID.randomUUID().toString().replace("-", "");
        String thread = aliceThread("Topic " + marker);
        String message = Threads.send(alice, thread, "Text " + marker);
        assertEquals(
                200,
                alice.get("Communication?part-of:missing=true&_content=" + marker)
                        .status());
        assertEquals(200, drlee.get("Communication/" + message).status());
        recorded("entity=Communication/" + message + "&agent=drlee", interaction("read"));
        recorded(
                "agent=alice&" + since,
                event -> new String(event.getEntityFirstRep().getQuery(), StandardCharsets.UTF_8).contains("_content"));

        String next = "AuditEvent?" + since + "&_count=100";
        int events = 0;
        while (next != null) {
            Fhir.Response page = admin.get(next);
            assertEquals(200, page.status(), page::toString);
            assertFalse(page.body().contains(marker), "the trail holds no text, subject or search text");
            Bundle bundle = page.bundle();
            events += bundle.getEntry().size();
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                AuditEvent event = (AuditEvent) entry.getResource();
                event.getEntity().stream()
                        .filter(AuditEvent.AuditEventEntityComponent::hasQuery)
                        .forEach(e -> assertFalse(new String(e.getQuery(), StandardCharsets.UTF_8).contains(marker)));
            }
            next = Optional.ofNullable(bundle.getLink("next"))
                    .map(Bundle.BundleLinkComponent::getUrl)
                    .orElse(null);
        }
        assertTrue(events >= 5, "the marker's requests were among " + events);
    }

    private static Predicate<AuditEvent> interaction(String code) {
        return event -> event.getSubtype().stream().anyMatch(subtype -> code.equals(subtype.getCode()));
    }

    /**
     * The newest event the admin finds with that search and matching: there as soon as its
     * request was answered (a record is durable before its response is sent), so not waited for.
     */
    private AuditEvent recorded(String search, Predicate<AuditEvent> matching) {
        Fhir.Response found = admin.get("AuditEvent?" + search + "&_count=100");
        assertEquals(200, found.status(), found::toString);
        return found.bundle().getEntry().stream()
                .map(entry -> (AuditEvent) entry.getResource())
                .filter(matching)
                .findFirst()
                .orElseGet(() -> fail("no audit event for " + search));
    }
}
