package dev.missive.thread;

import dev.missive.domain.Party;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One person's place in a thread and their own view of it. The inbox is read from here, so
 * an inbox page is one indexed range scan whatever the number of messages.
 */
@Entity
@Table(name = "participant")
public class Participant {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "conversation_id", nullable = false, length = 64)
    private String conversationId;

    @Embedded
    private Party party;

    /** Copy of the thread's last activity, so that the inbox sorts without a join. */
    @Column(name = "last_activity", nullable = false)
    private Instant lastActivity;

    @Column(nullable = false)
    private boolean archived;

    @Column(nullable = false)
    private int unread;

    @Column(name = "last_read")
    private Instant lastRead;

    /** When this person last archived the thread, even if un-archived since. */
    @Column(name = "last_archived")
    private Instant lastArchived;

    /**
     * When this practitioner stopped taking part: the thread was redirected to another. They keep
     * the messages sent until then and see none after it; null while they take part.
     */
    @Column(name = "left_at")
    private Instant leftAt;

    /** Whether this practitioner takes part as the cover of the thread's practitioner while they are away. */
    @Column(nullable = false)
    private boolean covering;

    /** Whether this practitioner takes part as a member of the pool the thread was addressed to. */
    @Column(name = "pool_member", nullable = false)
    private boolean poolMember;

    protected Participant() {}

    public Participant(String conversationId, Party party, Instant lastActivity) {
        this.id = UUID.randomUUID().toString();
        this.conversationId = conversationId;
        this.party = party;
        this.lastActivity = lastActivity;
    }

    public String getConversationId() {
        return conversationId;
    }

    public Party getParty() {
        return party;
    }

    public Instant getLastActivity() {
        return lastActivity;
    }

    public boolean isArchived() {
        return archived;
    }

    public int getUnread() {
        return unread;
    }

    public Instant getLastRead() {
        return lastRead;
    }

    /** A message arrived in the thread: it moves up the inbox and un-archives. */
    public void messageArrived(Instant when, boolean fromThisParty) {
        this.lastActivity = when;
        this.archived = false;
        if (!fromThisParty) {
            unread++;
        }
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    /** Whether this person still takes part: new messages reach them. */
    public boolean isActive() {
        return leftAt == null;
    }

    /** Whether this person sees a message sent at {@code sent}: all of them, or those from before they left. */
    public boolean sees(Instant sent) {
        return leftAt == null || !sent.isAfter(leftAt);
    }

    /** The thread moved to another practitioner: this one keeps what they had, and gets nothing new. */
    public void leave(Instant when) {
        this.leftAt = when;
    }

    /**
     * The thread came (back) to this person: they take part again, with what waits for them
     * unread and the thread at the top of their inbox.
     */
    public void join(Instant when, int waiting) {
        this.leftAt = null;
        this.lastActivity = when;
        this.archived = false;
        this.unread = waiting;
    }

    public boolean isPoolMember() {
        return poolMember;
    }

    public void joinAsPoolMember() {
        this.poolMember = true;
    }

    public boolean isCovering() {
        return covering;
    }

    /** This practitioner takes part as the cover: from now on, until the absence ends. */
    public void startCovering(Instant when) {
        if (!isActive()) {
            join(when, 0);
        }
        this.covering = true;
    }

    /** The thread's details changed: it moves up the inbox, nothing more to read. */
    public void detailsChanged(Instant when) {
        this.lastActivity = when;
    }

    public Instant getLastArchived() {
        return lastArchived;
    }

    public void archive(Instant when) {
        this.archived = true;
        this.lastArchived = when;
    }

    public void unarchive() {
        this.archived = false;
    }

    /** This person opened the whole thread: nothing in it is unread any more. */
    public void readAll(Instant when) {
        this.unread = 0;
        this.lastRead = when;
    }

    /** This person opened one message; it counts down only if it was unread until now. */
    public void read(Instant when, boolean wasUnread) {
        if (wasUnread) {
            countDownUnread();
        }
        this.lastRead = when;
    }

    /** A message this person had not read was retracted: it is no longer waiting for them. */
    public void unreadMessageRetracted() {
        countDownUnread();
    }

    private void countDownUnread() {
        unread = Math.max(0, unread - 1);
    }
}
