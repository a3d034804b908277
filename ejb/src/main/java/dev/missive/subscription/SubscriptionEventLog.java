package dev.missive.subscription;

import dev.missive.thread.SentMessage;
import dev.missive.thread.SentMessageLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Numbers a sent message for every subscription whose filter it matches, in the sending
 * transaction: the event commits with the message or not at all, so none is lost between the two.
 * Each matching subscription is locked (in id order, so that two sends never wait on each other
 * crosswise) while its next number is taken: numbers rise without gaps or repeats.
 */
@ApplicationScoped
public class SubscriptionEventLog implements SentMessageLog {

    @Inject
    SubscriptionRepository subscriptions;

    @Override
    public void record(SentMessage message) {
        for (String id : subscriptions.matching(message)) {
            subscriptions
                    .findLocked(id)
                    .ifPresent(subscription ->
                            subscriptions.add(subscription.nextEvent(message.messageId(), message.sent())));
        }
    }
}
