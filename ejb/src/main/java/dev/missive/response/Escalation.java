package dev.missive.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An overdue thread escalated, once per message it waited on: the key refuses a second one. */
@Entity
@Table(name = "overdue_escalation")
public class Escalation {

    @Id
    @Column(name = "message_id", length = 64)
    private String messageId;

    @Column(name = "conversation_id", nullable = false, length = 64)
    private String conversationId;

    @Column(nullable = false)
    private Instant escalated;

    protected Escalation() {}

    public Escalation(String messageId, String conversationId, Instant escalated) {
        this.messageId = messageId;
        this.conversationId = conversationId;
        this.escalated = escalated;
    }
}
