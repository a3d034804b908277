package dev.missive.subscription;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.thread.SentMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Which sent messages a subscription is told of: those to one practitioner, or to anyone at the
 * clinic (any practitioner), and those in one patient's threads. Unset parts match every message;
 * set parts must all match.
 */
@Embeddable
public class MessageFilter {

    @Column(name = "recipient_practitioner", length = 64)
    private String recipientPractitioner;

    @Column(name = "recipient_clinic", nullable = false)
    private boolean recipientClinic;

    @Column(name = "patient_id", length = 64)
    private String patientId;

    protected MessageFilter() {}

    public MessageFilter(String recipientPractitioner, boolean recipientClinic, String patientId) {
        this.recipientPractitioner = recipientPractitioner;
        this.recipientClinic = recipientClinic;
        this.patientId = patientId;
    }

    public static MessageFilter everything() {
        return new MessageFilter(null, false, null);
    }

    public boolean matches(SentMessage message) {
        Party recipient = message.recipient();
        return (recipientPractitioner == null || recipient.equals(Party.practitioner(recipientPractitioner)))
                && (!recipientClinic || recipient.type() == PartyType.PRACTITIONER)
                && (patientId == null || patientId.equals(message.patientId()));
    }

    public String getRecipientPractitioner() {
        return recipientPractitioner;
    }

    public boolean isRecipientClinic() {
        return recipientClinic;
    }

    public String getPatientId() {
        return patientId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageFilter other
                && recipientClinic == other.recipientClinic
                && Objects.equals(recipientPractitioner, other.recipientPractitioner)
                && Objects.equals(patientId, other.patientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipientPractitioner, recipientClinic, patientId);
    }
}
