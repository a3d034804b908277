package dev.missive.subscription;

import dev.missive.cluster.Membership;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claims are rows committed at once, so no lock is held while an endpoint is posted to: a node
 * posts what it claimed, then records the outcome, which counts only while its claim holds. A
 * node that stops mid-attempt leaves a claim that lapses after {@link #CLAIM}; then any node
 * (this one restarted, too) posts it again: at least once, in order per subscription.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DefaultSubscriptionDeliveries implements SubscriptionDeliveries {

    /** Longer than one post may take (the channel's timeouts), so a live attempt keeps its claim. */
    static final Duration CLAIM = Duration.ofSeconds(30);

    /** Events per notification: a receiver that was down catches up in a few posts. */
    static final int EVENTS_PER_NOTIFICATION = 100;

    private static final Logger LOG = Logger.getLogger(DefaultSubscriptionDeliveries.class.getName());

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    Membership membership;

    @Inject
    Clock clock;

    /** Attempts in a row before a subscription goes to error (MISSIVE_SUBSCRIPTION_MAX_ATTEMPTS). */
    @Inject
    @ConfigProperty(name = "missive.subscription.max.attempts", defaultValue = "10")
    int maxAttempts;

    /** The wait after a first failure, doubled per failure after it (MISSIVE_SUBSCRIPTION_RETRY_DELAY_MS). */
    @Inject
    @ConfigProperty(name = "missive.subscription.retry.delay.ms", defaultValue = "2000")
    long retryDelayMs;

    @Override
    public List<SubscriptionNotification> claimDue(int limit) {
        Instant now = clock.instant();
        // As the database keeps it (to the microsecond at best), so that the outcome finds its claim equal
        Instant until = now.plus(CLAIM).truncatedTo(ChronoUnit.MILLIS);
        return subscriptions.claimDue(now, limit).stream()
                .map(subscription -> subscription.claim(
                        membership.self(),
                        until,
                        subscriptions.events(
                                subscription.getId(),
                                subscription.getDeliveredThrough(),
                                subscription.getEventsSinceStart(),
                                EVENTS_PER_NOTIFICATION)))
                .toList();
    }

    @Override
    public void delivered(SubscriptionNotification notification) {
        whileClaimed(notification, subscription -> subscription.delivered(notification, clock.instant()));
    }

    @Override
    public void failed(SubscriptionNotification notification) {
        whileClaimed(notification, subscription -> {
            subscription.failed(clock.instant(), Duration.ofMillis(retryDelayMs), maxAttempts);
            if (subscription.getStatus() == SubscriptionStatus.ERROR) {
                LOG.warning("Subscription " + subscription.getId() + " failed " + maxAttempts
                        + " attempts in a row: in error, nothing more is posted");
            }
        });
    }

    private void whileClaimed(SubscriptionNotification notification, Consumer<TopicSubscription> outcome) {
        subscriptions
                .findLocked(notification.subscriptionId())
                .filter(subscription -> subscription.heldFor(membership.self(), notification))
                .ifPresent(outcome);
    }
}
