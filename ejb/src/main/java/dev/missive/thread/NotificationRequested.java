package dev.missive.thread;

import dev.missive.domain.Party;
import java.io.Serializable;

/** The JMS payload: tell this recipient that a message arrived in this thread. Ids only. */
public record NotificationRequested(String messageId, String conversationId, Party recipient) implements Serializable {

    private static final String OVERDUE = "overdue-";

    /**
     * Tell the clinic admins that a thread waited past its due time for an answer to that
     * message. Keyed by the message (prefixed) and the thread's practitioner, so that the
     * outbox, delivery claims and dead letters keep it apart from the practitioner's own email
     * about the same message, and hold it to one email per message waited on.
     */
    public static NotificationRequested overdue(String awaitedMessageId, String conversationId, Party practitioner) {
        return new NotificationRequested(OVERDUE + awaitedMessageId, conversationId, practitioner);
    }

    public boolean isOverdue() {
        return messageId.startsWith(OVERDUE);
    }

    /** The message the thread waits on: the notified message itself, or the one an escalation is about. */
    public String awaitedMessageId() {
        return isOverdue() ? messageId.substring(OVERDUE.length()) : messageId;
    }
}
