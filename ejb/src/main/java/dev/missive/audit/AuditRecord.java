package dev.missive.audit;

import dev.missive.domain.Party;
import dev.missive.service.ColumnLimits;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One request in the audit trail. Written once and never changed: there are no setters, and
 * the repository can add and read but not update or delete.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant recorded;

    private String username;

    @Column(length = 100)
    private String roles;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "agent_type")),
        @AttributeOverride(name = "id", column = @Column(name = "agent_id"))
    })
    private Party agent;

    @Column(name = "on_behalf_of", length = 64)
    private String onBehalfOf;

    @Column(name = "for_practitioner", length = 64)
    private String forPractitioner;

    @Column(nullable = false, length = 40)
    private String interaction;

    @Column(name = "resource_type", length = 40)
    private String resourceType;

    @Column(name = "resource_id", length = 64)
    private String resourceId;

    @Column(length = 60)
    private String operation;

    @Column(length = 1000)
    private String query;

    @Column(nullable = false)
    private int status;

    @Column(nullable = false)
    private int outcome;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "forwarded_for")
    private String forwardedFor;

    @Column(length = 40)
    private String reason;

    protected AuditRecord() {}

    public AuditRecord(Instant recorded, AuditAgent who, AuditAccess what) {
        this.recorded = recorded;
        this.username = who.username();
        this.roles = who.roles();
        this.agent = who.party();
        this.onBehalfOf = who.onBehalfOf();
        this.forPractitioner = who.forPractitioner();
        this.interaction = what.interaction();
        this.resourceType = what.resourceType();
        this.resourceId = what.resourceId();
        this.operation = what.operation();
        this.query = what.query();
        this.status = what.status();
        this.outcome = AuditOutcome.ofStatus(what.status()).code();
        this.clientAddress = what.clientAddress();
        this.forwardedFor = what.forwardedFor();
        this.reason = what.reason();
        // a record is written whatever the request held (a 500-character id in a URL): cut to fit
        ColumnLimits.fit(this);
    }

    public Long getId() {
        return id;
    }

    public Instant getRecorded() {
        return recorded;
    }

    public AuditAgent who() {
        return new AuditAgent(username, roles, agent, onBehalfOf, forPractitioner);
    }

    public AuditAccess what() {
        return new AuditAccess(
                interaction, resourceType, resourceId, operation, query, status, clientAddress, forwardedFor, reason);
    }

    public AuditOutcome outcome() {
        return AuditOutcome.ofCode(outcome);
    }
}
