package dev.missive.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * What a practitioner does at the clinic as far as messaging goes: whether they are available
 * for portal messages, whether they charge for them, and which message types they take.
 */
@Entity
@Cacheable
@Table(name = "practitioner_role")
public class PractitionerRole extends DirectoryEntry {

    @Column(name = "practitioner_id", nullable = false, length = 64)
    private String practitionerId;

    @Column(nullable = false)
    private boolean active = true;

    @Embedded
    private Period period;

    /** Code practitioner-role#portal-messaging: "available for portal messages". */
    @Column(name = "portal_messaging", nullable = false)
    private boolean portalMessaging;

    @Column(name = "charges_for_messages", nullable = false)
    private boolean chargesForMessages;

    /** The message types this role takes; empty means every type the clinic offers. */
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "practitioner_role_message_type", joinColumns = @JoinColumn(name = "practitioner_role_id"))
    @Column(name = "message_type", length = 40)
    private Set<String> messageTypes = new LinkedHashSet<>();

    protected PractitionerRole() {}

    public PractitionerRole(String id) {
        super(id);
    }

    /** Whether the role makes its practitioner reachable for this message type now. */
    public boolean takesMessagesAt(Instant when, String messageType) {
        return active
                && portalMessaging
                && getPeriod().contains(when)
                && (messageTypes.isEmpty() || messageTypes.contains(messageType));
    }

    public String getPractitionerId() {
        return practitionerId;
    }

    public void setPractitionerId(String practitionerId) {
        this.practitionerId = practitionerId;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** When the entry applies; never null (both columns empty read back as no period at all). */
    public Period getPeriod() {
        return period == null ? Period.ALWAYS : period;
    }

    public void setPeriod(Period period) {
        this.period = period;
    }

    public boolean isPortalMessaging() {
        return portalMessaging;
    }

    public void setPortalMessaging(boolean portalMessaging) {
        this.portalMessaging = portalMessaging;
    }

    public boolean isChargesForMessages() {
        return chargesForMessages;
    }

    public void setChargesForMessages(boolean chargesForMessages) {
        this.chargesForMessages = chargesForMessages;
    }

    public Set<String> getMessageTypes() {
        return messageTypes;
    }

    public void copyFrom(PractitionerRole source) {
        this.practitionerId = source.practitionerId;
        this.active = source.active;
        this.period = source.period;
        this.portalMessaging = source.portalMessaging;
        this.chargesForMessages = source.chargesForMessages;
        this.messageTypes.clear();
        this.messageTypes.addAll(source.messageTypes);
    }
}
