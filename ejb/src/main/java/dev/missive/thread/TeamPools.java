package dev.missive.thread;

import jakarta.ejb.Local;

/**
 * Who holds a thread addressed to a team pool. Every member the pool reached sees it; one claims
 * it (or answers it, which claims it), releases it back to the pool, or assigns it to another
 * member. A thread the caller does not see is not found; one they see but may not act on this
 * way is forbidden. Each returns the thread as the caller now sees it.
 */
@Local
public interface TeamPools {

    /** The calling member takes the thread; 422 pool-thread-claimed when another member holds it. */
    ThreadView claim(String conversationId);

    /** Back to the pool: by the member who holds it, or a clinic admin. */
    ThreadView release(String conversationId);

    /**
     * Hands the thread to another member it reached: by a member (the one who holds it, or any
     * while nobody does) or a clinic admin.
     */
    ThreadView assign(String conversationId, String practitionerId);
}
