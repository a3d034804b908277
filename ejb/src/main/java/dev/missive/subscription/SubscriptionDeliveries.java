package dev.missive.subscription;

import java.util.List;

/**
 * The delivery side, for the channel that posts notifications (callable with no caller): claims
 * what is due and records how each attempt went. Each call is its own transaction.
 */
public interface SubscriptionDeliveries {

    /** Up to {@code limit} notifications due now, each claimed for this node for a while. */
    List<SubscriptionNotification> claimDue(int limit);

    /** The endpoint accepted it. Ignored if the claim lapsed meanwhile (another node may hold it now). */
    void delivered(SubscriptionNotification notification);

    /** The endpoint refused it or did not answer in time: retried later, or the subscription is in error. */
    void failed(SubscriptionNotification notification);
}
