package dev.missive.fhir.mapping;

import dev.missive.audit.AuditAccess;
import dev.missive.audit.AuditAgent;
import dev.missive.audit.AuditRecord;
import dev.missive.fhir.MissiveFhir;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * An audit record as a FHIR R4 AuditEvent: type {@code rest} with the restful interaction as
 * subtype (a refused token is a DICOM user authentication / login), the account as the
 * requesting agent with its address, Missive as the observer, the resource as the entity with
 * the query as kept, and the patient a proxy acted for as a second entity in the patient role.
 * An integration engine that wrote on behalf of a practitioner is the requestor; the
 * practitioner is a second agent, the author.
 */
public final class AuditEventMapper {

    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String SECURITY_SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String RESOURCE_TYPES = "http://hl7.org/fhir/resource-types";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    private static final Set<String> INTERACTIONS = Set.of(
            "read",
            "vread",
            "update",
            "patch",
            "delete",
            "history",
            "history-instance",
            "history-type",
            "history-system",
            "create",
            "search",
            "search-type",
            "search-system",
            "capabilities",
            "transaction",
            "batch",
            "operation");

    private AuditEventMapper() {}

    public static AuditEvent toFhir(AuditRecord record) {
        AuditAccess what = record.what();
        AuditEvent event = new AuditEvent();
        if (record.getId() != null) {
            event.setId(String.valueOf(record.getId()));
        }
        if (AuditAccess.LOGIN.equals(what.interaction())) {
            event.setType(new Coding(DICOM, "110114", "User Authentication"));
            event.addSubtype(new Coding(DICOM, "110122", "Login"));
        } else {
            event.setType(new Coding(AUDIT_EVENT_TYPE, "rest", "Restful Operation"));
            if (INTERACTIONS.contains(what.interaction())) {
                event.addSubtype(new Coding(RESTFUL_INTERACTION, what.interaction(), null));
            }
        }
        event.setAction(action(what.interaction()));
        event.setRecorded(Date.from(record.getRecorded()));
        event.setOutcome(
                AuditEventOutcome.fromCode(String.valueOf(record.outcome().code())));
        event.setOutcomeDesc("HTTP " + what.status() + (what.reason() == null ? "" : " (" + what.reason() + ")"));
        event.addAgent(requestor(record.who(), what));
        if (record.who().forPractitioner() != null) {
            event.addAgent()
                    .setRequestor(false)
                    .setType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "AUT", "author (originator)")))
                    .setWho(new Reference("Practitioner/" + record.who().forPractitioner()));
        }
        if (what.forwardedFor() != null) {
            event.addAgent()
                    .setRequestor(false)
                    .setType(new CodeableConcept().setText("X-Forwarded-For as received, not verified"))
                    .getNetwork()
                    .setAddress(what.forwardedFor())
                    .setType(AuditEventAgentNetworkType._2);
        }
        event.getSource()
                .setSite("Missive")
                .setObserver(new Reference().setDisplay("Missive"))
                .addType(new Coding(SECURITY_SOURCE_TYPE, "4", "Application Server"));
        if (what.resourceType() != null || what.query() != null || what.operation() != null) {
            event.addEntity(entity(what));
        }
        if (record.who().onBehalfOf() != null) {
            event.addEntity()
                    .setWhat(new Reference("Patient/" + record.who().onBehalfOf()))
                    .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                    .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
        }
        return event;
    }

    private static AuditEventAction action(String interaction) {
        return switch (interaction) {
            case "create" -> AuditEventAction.C;
            case "read", "vread" -> AuditEventAction.R;
            case "update", "patch" -> AuditEventAction.U;
            case "delete" -> AuditEventAction.D;
            default -> AuditEventAction.E;
        };
    }

    private static AuditEventAgentComponent requestor(AuditAgent who, AuditAccess what) {
        AuditEventAgentComponent agent = new AuditEventAgentComponent().setRequestor(true);
        Reference reference = who.party() == null ? new Reference() : References.to(who.party());
        if (who.username() == null) {
            reference.setDisplay("No valid token");
        } else {
            reference.getIdentifier().setSystem(MissiveFhir.PORTAL_USERNAME).setValue(who.username());
            agent.setAltId(who.username());
        }
        agent.setWho(reference);
        if (who.roles() != null && !who.roles().isEmpty()) {
            Arrays.stream(who.roles().split(","))
                    .forEach(role -> agent.addRole().setText(role));
        }
        if (what.clientAddress() != null) {
            agent.getNetwork().setAddress(what.clientAddress()).setType(AuditEventAgentNetworkType._2);
        }
        return agent;
    }

    private static AuditEventEntityComponent entity(AuditAccess what) {
        AuditEventEntityComponent entity = new AuditEventEntityComponent();
        if (what.resourceType() != null) {
            entity.setType(new Coding(RESOURCE_TYPES, what.resourceType(), null));
            if (what.resourceId() != null) {
                entity.setWhat(new Reference(what.resourceType() + "/" + what.resourceId()));
            }
        }
        if (what.query() != null) {
            entity.setQuery(what.query().getBytes(StandardCharsets.UTF_8));
        }
        if (what.operation() != null) {
            entity.addDetail().setType("operation").setValue(new StringType(what.operation()));
        }
        return entity;
    }
}
