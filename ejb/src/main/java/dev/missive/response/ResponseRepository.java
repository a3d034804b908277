package dev.missive.response;

import dev.missive.thread.Conversation;
import dev.missive.thread.StaffReply;
import java.time.Instant;
import java.util.List;

/** Overdue threads not yet escalated, escalations, and the staff replies the report reads. */
public interface ResponseRepository {

    /** Open threads whose answer was due before {@code now} and that were not escalated for it, longest overdue first. */
    List<Conversation> overdueNotEscalated(Instant now, int limit);

    void add(Escalation escalation);

    /** First staff replies sent from {@code from} (inclusive) until {@code to} (exclusive). */
    List<StaffReply> repliesBetween(Instant from, Instant to);
}
