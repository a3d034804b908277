package dev.missive.merge;

import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationStatus;
import dev.missive.thread.ThreadStatusReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A thread a patient merge closed, with the state it had just before, so that the unmerge puts
 * it back exactly. The participants' own states (archived, unread, last read) are not recorded:
 * the merge does not touch them.
 */
@Entity
@Table(name = "merged_thread")
public class MergedThread {

    @Id
    @Column(name = "conversation_id", length = 64)
    private String conversationId;

    @Column(name = "source_patient_id", nullable = false, length = 64)
    private String sourcePatientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status", nullable = false, length = 20)
    private ConversationStatus previousStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status_reason", length = 40)
    private ThreadStatusReason previousStatusReason;

    @Column(name = "previous_last_closed")
    private Instant previousLastClosed;

    protected MergedThread() {}

    /** Records the thread's state as it is now, before the merge closes it. */
    public MergedThread(Conversation conversation) {
        this.conversationId = conversation.getId();
        this.sourcePatientId = conversation.getPatientId();
        this.previousStatus = conversation.getStatus();
        this.previousStatusReason = conversation.getStatusReason();
        this.previousLastClosed = conversation.getLastClosed();
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getSourcePatientId() {
        return sourcePatientId;
    }

    public void restore(Conversation conversation) {
        conversation.restore(previousStatus, previousStatusReason, previousLastClosed);
    }
}
