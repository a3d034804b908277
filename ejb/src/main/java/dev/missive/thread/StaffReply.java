package dev.missive.thread;

import dev.missive.policy.BusinessCalendar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A practitioner's first reply to a thread that waited for one: from the patient-side message
 * that started the wait to the reply. What the response-time report is made of.
 */
@Entity
@Table(name = "staff_reply")
public class StaffReply {

    @Id
    @Column(name = "message_id", length = 64)
    private String messageId;

    @Column(name = "conversation_id", nullable = false, length = 64)
    private String conversationId;

    @Column(name = "practitioner_id", nullable = false, length = 64)
    private String practitionerId;

    /** The pool the thread was addressed to, if any: the reply counts for the team too. */
    @Column(name = "pool_id", length = 64)
    private String poolId;

    @Column(nullable = false)
    private Instant asked;

    @Column(nullable = false)
    private Instant answered;

    protected StaffReply() {}

    public StaffReply(
            String messageId,
            String conversationId,
            String practitionerId,
            String poolId,
            Instant asked,
            Instant answered) {
        this.messageId = messageId;
        this.conversationId = conversationId;
        this.practitionerId = practitionerId;
        this.poolId = poolId;
        this.asked = asked;
        this.answered = answered;
    }

    public String getPractitionerId() {
        return practitionerId;
    }

    public String getPoolId() {
        return poolId;
    }

    public Instant getAnswered() {
        return answered;
    }

    /** From the question to the reply, counting only the clinic's business hours. */
    public Duration responseTime(BusinessCalendar calendar) {
        return calendar.businessTime(asked, answered);
    }
}
