package dev.missive.thread;

import dev.missive.directory.CareTeam;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.eligibility.Correspondence;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A thread between one patient side (the patient and their proxies) and one practitioner.
 * Named Conversation because {@code Thread} belongs to java.lang.
 */
@Entity
@Table(name = "conversation")
public class Conversation implements Correspondence {

    /** Longest subject accepted, in characters. */
    public static final int MAX_TOPIC_LENGTH = 255;

    @Id
    @Column(length = 64)
    private String id;

    @Version
    private long version;

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    @Column(name = "practitioner_id", nullable = false, length = 64)
    private String practitionerId;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "started_by_type", nullable = false, length = 20)),
        @AttributeOverride(name = "id", column = @Column(name = "started_by_id", nullable = false, length = 64))
    })
    private Party startedBy;

    @Column(nullable = false, length = 40)
    private String category;

    @Column(length = MAX_TOPIC_LENGTH)
    private String topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ConversationStatus status;

    @Column(nullable = false)
    private boolean confidential;

    /** The EpisodeOfCare the thread is "regarding", when the patient has more than one. */
    @Column(name = "episode_id", length = 64)
    private String episodeId;

    /** The patient's agreement to be billed, required when the practitioner charges. */
    @Column(name = "billing_consent_id", length = 64)
    private String billingConsentId;

    /** Which staff member should respond, and how (v3 ParticipationMode code). */
    @Column(name = "responder_id", length = 64)
    private String responderId;

    @Column(name = "response_method", length = 20)
    private String responseMethod;

    /** "No response needed": the starter's message closes the thread as it is sent. */
    @Column(name = "no_response_needed", nullable = false)
    private boolean noResponseNeeded;

    @Column(nullable = false)
    private Instant created;

    /** Last activity: a new message bumps it, and the inbox is ordered by it. */
    @Column(name = "last_activity", nullable = false)
    private Instant lastActivity;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_reason", length = 40)
    private ThreadStatusReason statusReason;

    /** When it was last closed, even if reopened since: a message sent before can no longer be retracted. */
    @Column(name = "last_closed")
    private Instant lastClosed;

    /** The first patient-side message since the last staff reply: the one the clinic owes an answer to. */
    @Column(name = "awaiting_message_id", length = 64)
    private String awaitingMessageId;

    @Column(name = "awaiting_since")
    private Instant awaitingSince;

    /** When that answer is due, by the clinic's business calendar as it was when the message arrived. */
    @Column(name = "response_due")
    private Instant responseDue;

    /**
     * The team pool the thread was addressed to, if any. Its practitioner is then the member who
     * holds it: the one who claimed it, or while nobody has, one of the members it reached.
     */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "pool_id")
    private CareTeam pool;

    @Column(name = "claimed_by", length = 64)
    private String claimedBy;

    /** Whether a member has answered: from then on the patient side sees who. */
    @Column(name = "pool_answered", nullable = false)
    private boolean poolAnswered;

    protected Conversation() {}

    public Conversation(String patientId, String practitionerId, Party startedBy, String category, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.patientId = patientId;
        this.startedBy = startedBy;
        this.status = ConversationStatus.OPEN;
        this.practitionerId = practitionerId;
        this.category = category;
        this.created = now;
        this.lastActivity = now;
    }

    public String getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String getPatientId() {
        return patientId;
    }

    @Override
    public String getPractitionerId() {
        return practitionerId;
    }

    public Party getStartedBy() {
        return startedBy;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public boolean isClosed() {
        return status == ConversationStatus.CLOSED;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public ConversationStatus getStatus() {
        return status;
    }

    public boolean isConfidential() {
        return confidential;
    }

    public void setConfidential(boolean confidential) {
        this.confidential = confidential;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getLastActivity() {
        return lastActivity;
    }

    /** A draft's practitioner and type change until it is sent; an open thread's when its patient side edits them. */
    public void redirect(String practitionerId, String category) {
        this.practitionerId = practitionerId;
        this.category = category;
    }

    public void saveAsDraft() {
        this.status = ConversationStatus.DRAFT;
    }

    /** Sending a draft thread opens it, from then on with its final details. */
    public void open(Instant when) {
        this.status = ConversationStatus.OPEN;
        this.created = when;
        this.lastActivity = when;
    }

    public String getEpisodeId() {
        return episodeId;
    }

    public void setEpisodeId(String episodeId) {
        this.episodeId = episodeId;
    }

    public String getBillingConsentId() {
        return billingConsentId;
    }

    public void setBillingConsentId(String billingConsentId) {
        this.billingConsentId = billingConsentId;
    }

    public boolean isNoResponseNeeded() {
        return noResponseNeeded;
    }

    public void setNoResponseNeeded(boolean noResponseNeeded) {
        this.noResponseNeeded = noResponseNeeded;
    }

    public String getResponderId() {
        return responderId;
    }

    public String getResponseMethod() {
        return responseMethod;
    }

    public void setResponsePreference(String responderId, String responseMethod) {
        this.responderId = responderId;
        this.responseMethod = responseMethod;
    }

    public void recordActivity(Instant when) {
        this.lastActivity = when;
    }

    public Party patient() {
        return Party.patient(patientId);
    }

    public Party practitioner() {
        return Party.practitioner(practitionerId);
    }

    public ThreadStatusReason getStatusReason() {
        return statusReason;
    }

    public Instant getLastClosed() {
        return lastClosed;
    }

    public void close(ThreadStatusReason reason, Instant when) {
        this.status = ConversationStatus.CLOSED;
        this.statusReason = reason;
        this.lastClosed = when;
    }

    /** Closed because its patient record was merged away: hidden from the patient side. */
    public boolean isMergedAway() {
        return status == ConversationStatus.CLOSED && statusReason == ThreadStatusReason.PATIENT_MERGED;
    }

    /** Puts back the state a merge recorded before it closed the thread. */
    public void restore(ConversationStatus status, ThreadStatusReason statusReason, Instant lastClosed) {
        this.status = status;
        this.statusReason = statusReason;
        this.lastClosed = lastClosed;
    }

    public void reopen() {
        this.status = ConversationStatus.OPEN;
        this.statusReason = null;
    }

    /** A patient-side message waits for an answer, unless an earlier one already does. */
    public void awaitAnswer(String messageId, Instant asked, Instant due) {
        if (awaitingMessageId == null) {
            awaitingMessageId = messageId;
            awaitingSince = asked;
            responseDue = due;
        }
    }

    /** A staff reply answers what waited: the wait it ended, if one did. */
    public Optional<StaffReply> answer(Message reply) {
        poolAnswered = pool != null;
        if (awaitingMessageId == null) {
            return Optional.empty();
        }
        StaffReply answered = new StaffReply(
                reply.getId(), id, practitionerId, pool == null ? null : pool.getId(), awaitingSince, reply.getSent());
        awaitingMessageId = null;
        awaitingSince = null;
        responseDue = null;
        return Optional.of(answered);
    }

    /** Addresses the thread to a pool; the practitioner holds it for the pool until a member claims it. */
    public void addressTo(CareTeam pool) {
        this.pool = pool;
    }

    public Optional<CareTeam> getPool() {
        return Optional.ofNullable(pool);
    }

    public boolean isPooled() {
        return pool != null;
    }

    public Optional<String> getClaimedBy() {
        return Optional.ofNullable(claimedBy);
    }

    /** A member takes the thread: from now on it is theirs to answer. */
    public void claim(String practitionerId) {
        this.claimedBy = practitionerId;
        this.practitionerId = practitionerId;
    }

    /** Back to the pool: any member may claim it. */
    public void release() {
        this.claimedBy = null;
    }

    public boolean isPoolAnswered() {
        return poolAnswered;
    }

    /** What the patient side sees as the thread's recipient: the pool until a member answers. */
    public Party recipientForPatientSide() {
        return pool != null && !poolAnswered ? new Party(PartyType.CARE_TEAM, pool.getId()) : practitioner();
    }

    public String getAwaitingMessageId() {
        return awaitingMessageId;
    }

    public Instant getResponseDue() {
        return responseDue;
    }

    /** Open, waiting for a staff reply, and past its due time. */
    public boolean isOverdueAt(Instant now) {
        return status == ConversationStatus.OPEN && responseDue != null && responseDue.isBefore(now);
    }
}
