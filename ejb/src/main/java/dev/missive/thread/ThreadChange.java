package dev.missive.thread;

import dev.missive.domain.Party;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A change of an open thread's details, shown in the thread as an event line ("Subject changed
 * by Alice, 14:02"): who made it, when, and which details changed. What they were before is not
 * kept here; the audit trail records the request.
 */
@Entity
@Table(name = "thread_change")
public class ThreadChange {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "conversation_id", nullable = false, length = 64)
    private String conversationId;

    @Column(nullable = false)
    private Instant changed;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "changed_by_type", nullable = false, length = 20)),
        @AttributeOverride(name = "id", column = @Column(name = "changed_by_id", nullable = false, length = 64))
    })
    private Party changedBy;

    /** The details' names, space-separated: four at most. */
    @Column(nullable = false, length = 100)
    private String details;

    protected ThreadChange() {}

    public ThreadChange(String conversationId, Party changedBy, Collection<ThreadDetail> details, Instant changed) {
        this.id = UUID.randomUUID().toString();
        this.conversationId = conversationId;
        this.changedBy = changedBy;
        this.details = details.stream().map(ThreadDetail::name).collect(Collectors.joining(" "));
        this.changed = changed;
    }

    public String getConversationId() {
        return conversationId;
    }

    public Instant getChanged() {
        return changed;
    }

    public Party getChangedBy() {
        return changedBy;
    }

    public List<ThreadDetail> getDetails() {
        return Arrays.stream(details.split(" ")).map(ThreadDetail::valueOf).toList();
    }
}
