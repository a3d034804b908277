package dev.missive.fhir.mapping;

import static dev.missive.fhir.conformance.ConformanceValidator.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.audit.AuditAccess;
import dev.missive.audit.AuditAgent;
import dev.missive.audit.AuditRecord;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class AuditEventMapperTest {

    private static final Instant WHEN = Instant.parse("2026-11-22T02:00:00Z");

    @Test
    void aProxyReadingAMessageForOneOfTheirPatients() {
        AuditEvent event = AuditEventMapper.toFhir(new AuditRecord(
                WHEN,
                new AuditAgent("gina", "proxy", new Party(PartyType.RELATED_PERSON, "gina-for-ben"), "ben"),
                new AuditAccess("read", "Communication", "123", null, null, 200, "10.0.0.7", "203.0.113.9", null)));

        assertEquals(AuditEventMapper.AUDIT_EVENT_TYPE, event.getType().getSystem());
        assertEquals("rest", event.getType().getCode());
        assertEquals(
                AuditEventMapper.RESTFUL_INTERACTION, event.getSubtypeFirstRep().getSystem());
        assertEquals("read", event.getSubtypeFirstRep().getCode());
        assertEquals(AuditEventAction.R, event.getAction());
        assertEquals(AuditEventOutcome._0, event.getOutcome());
        assertEquals(WHEN, event.getRecorded().toInstant());
        AuditEvent.AuditEventAgentComponent requestor = event.getAgentFirstRep();
        assertTrue(requestor.getRequestor());
        assertEquals("RelatedPerson/gina-for-ben", requestor.getWho().getReference());
        assertEquals("gina", requestor.getWho().getIdentifier().getValue());
        assertEquals("proxy", requestor.getRoleFirstRep().getText());
        assertEquals("10.0.0.7", requestor.getNetwork().getAddress());
        assertEquals("203.0.113.9", event.getAgent().get(1).getNetwork().getAddress());
        assertFalse(event.getAgent().get(1).getRequestor());
        assertEquals("Communication/123", event.getEntityFirstRep().getWhat().getReference());
        assertEquals("Patient/ben", event.getEntity().get(1).getWhat().getReference());
        assertEquals("1", event.getEntity().get(1).getRole().getCode());
        assertEquals("Missive", event.getSource().getObserver().getDisplay());
        assertValid(event);
    }

    @Test
    void aRefusedTokenIsAFailedLoginOfNobody() {
        AuditEvent event = AuditEventMapper.toFhir(new AuditRecord(
                WHEN,
                AuditAgent.UNKNOWN,
                new AuditAccess(
                        AuditAccess.LOGIN, "Patient", "alice", null, null, 401, "127.0.0.1", null, "token-refused")));

        assertEquals("110114", event.getType().getCode());
        assertEquals("110122", event.getSubtypeFirstRep().getCode());
        assertEquals(AuditEventOutcome._4, event.getOutcome());
        assertEquals("HTTP 401 (token-refused)", event.getOutcomeDesc());
        assertFalse(event.getAgentFirstRep().getWho().hasReference());
        assertFalse(event.getAgentFirstRep().getWho().hasIdentifier());
        assertEquals(1, event.getAgent().size(), "no X-Forwarded-For, no second agent");
        assertEquals("Patient/alice", event.getEntityFirstRep().getWhat().getReference());
        assertValid(event);
    }

    @Test
    void aSearchKeepsItsQueryAndAnOperationItsName() {
        AuditEvent search = AuditEventMapper.toFhir(new AuditRecord(
                WHEN,
                new AuditAgent("drlee", "practitioner", Party.practitioner("drlee"), null),
                new AuditAccess(
                        "search-type", "Communication", null, null, "_content&_count=20", 200, "::1", null, null)));
        assertEquals(AuditEventAction.E, search.getAction());
        assertFalse(search.getEntityFirstRep().hasWhat());
        assertEquals("Communication", search.getEntityFirstRep().getType().getCode());
        assertEquals("_content&_count=20", new String(search.getEntityFirstRep().getQuery(), StandardCharsets.UTF_8));
        assertEquals(1, search.getEntity().size(), "nobody acted for a patient");
        assertValid(search);

        AuditEvent failed = AuditEventMapper.toFhir(new AuditRecord(
                WHEN,
                new AuditAgent("service-account-integration-engine", "integration", null, null),
                new AuditAccess("operation", "Communication", "7", "$mark-read", null, 500, "::1", null, null)));
        assertEquals(AuditEventOutcome._8, failed.getOutcome());
        assertEquals("operation", failed.getSubtypeFirstRep().getCode());
        assertEquals(
                "$mark-read",
                ((StringType) failed.getEntityFirstRep().getDetailFirstRep().getValue()).getValue());
        assertEquals(
                "service-account-integration-engine", failed.getAgentFirstRep().getAltId());
        assertValid(failed);
    }

    @Test
    void anEngineWritingForAPractitionerIsTheRequestorAndThePractitionerTheAuthor() {
        AuditEvent event = AuditEventMapper.toFhir(new AuditRecord(
                WHEN,
                new AuditAgent("service-account-integration-engine", "integration", null, null).actingFor("drlee"),
                new AuditAccess("create", "Communication", "9", null, null, 201, "::1", null, null)));
        assertEquals(2, event.getAgent().size());
        assertTrue(event.getAgent().get(0).getRequestor());
        assertEquals(
                "service-account-integration-engine", event.getAgent().get(0).getAltId());
        assertFalse(event.getAgent().get(1).getRequestor());
        assertEquals("Practitioner/drlee", event.getAgent().get(1).getWho().getReference());
        assertEquals(
                "AUT", event.getAgent().get(1).getType().getCodingFirstRep().getCode());
        assertValid(event);
    }

    @Test
    void aRequestNoHandlerTookHasNoRestfulSubtype() {
        AuditEvent event = AuditEventMapper.toFhir(new AuditRecord(
                WHEN,
                new AuditAgent("admin", "clinic-admin", null, null),
                new AuditAccess("http-put", "AuditEvent", "1", null, null, 405, "::1", null, null)));
        assertFalse(event.hasSubtype());
        assertEquals(AuditEventAction.E, event.getAction());
        assertValid(event);
    }
}
