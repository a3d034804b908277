package dev.missive.thread;

import dev.missive.service.InvalidRequestException;

/**
 * Narrows an inbox: by the caller's archived state, to threads with unread messages, by
 * message type, by patient, and by text (at least 3 characters) in the subject, the messages
 * or the participants' names, and (for staff) to open threads past their response time, and to
 * the threads addressed to one team pool (the team inbox). A null field does not narrow.
 */
public record InboxFilter(
        Boolean archived,
        boolean unreadOnly,
        String category,
        String patientId,
        String text,
        boolean overdueOnly,
        String poolId) {

    public static final int MIN_TEXT_LENGTH = 3;

    public static final InboxFilter ALL = new InboxFilter(null, false, null, null, null);

    public InboxFilter(Boolean archived, boolean unreadOnly, String category, String patientId, String text) {
        this(archived, unreadOnly, category, patientId, text, false);
    }

    public InboxFilter(
            Boolean archived, boolean unreadOnly, String category, String patientId, String text, boolean overdueOnly) {
        this(archived, unreadOnly, category, patientId, text, overdueOnly, null);
    }

    public InboxFilter {
        if (text != null && text.strip().length() < MIN_TEXT_LENGTH) {
            throw new InvalidRequestException("Search text needs at least " + MIN_TEXT_LENGTH + " characters");
        }
    }
}
