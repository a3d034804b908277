package dev.missive.thread;

import dev.missive.directory.Identifier;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * An identifier a client gave one of its Communications (a thread or a message): among those
 * the same account wrote, it names that one Communication (a proxy writes as their account, so
 * it is the account, not the directory entry). An identifier without a system is kept with an
 * empty one.
 */
@Entity
@Table(name = "communication_identifier")
public class CommunicationIdentifier {

    @EmbeddedId
    private Key key;

    @Column(name = "communication_id", nullable = false, length = 64)
    private String communicationId;

    protected CommunicationIdentifier() {}

    public CommunicationIdentifier(String account, Identifier identifier, String communicationId) {
        this.key = new Key(account, identifier);
        this.communicationId = Objects.requireNonNull(communicationId);
    }

    public String getCommunicationId() {
        return communicationId;
    }

    /** The identifier as the client gave it (an empty system is none). */
    public Identifier identifier() {
        return key.identifier();
    }

    /** The account and the identifier. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(nullable = false)
        private String account;

        @Column(name = "identifier_system", nullable = false, length = Identifier.MAX_SYSTEM_LENGTH)
        private String system;

        @Column(name = "identifier_value", nullable = false, length = Identifier.MAX_VALUE_LENGTH)
        private String value;

        protected Key() {}

        Identifier identifier() {
            return new Identifier(system.isEmpty() ? null : system, value);
        }

        public Key(String account, Identifier identifier) {
            this.account = Objects.requireNonNull(account);
            this.system = identifier.system() == null ? "" : identifier.system();
            this.value = identifier.value();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && account.equals(other.account)
                    && system.equals(other.system)
                    && value.equals(other.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(account, system, value);
        }
    }
}
