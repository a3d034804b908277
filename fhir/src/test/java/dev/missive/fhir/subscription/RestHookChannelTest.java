package dev.missive.fhir.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.missive.subscription.SubscriptionDeliveries;
import dev.missive.subscription.SubscriptionNotification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A round that fails (the database away) must return normally: thrown out of a fixed-delay task,
 * it would end the rounds for good, and no subscription would be notified again.
 */
class RestHookChannelTest {

    @Test
    void aFailedRoundEndsNormallyAndTheNextRoundClaimsAgain() {
        int[] claims = {0};
        RestHookChannel channel = new RestHookChannel();
        channel.deliveries = new SubscriptionDeliveries() {
            @Override
            public List<SubscriptionNotification> claimDue(int limit) {
                if (claims[0]++ == 0) {
                    throw new IllegalStateException("database away");
                }
                return List.of();
            }

            @Override
            public void delivered(SubscriptionNotification notification) {}

            @Override
            public void failed(SubscriptionNotification notification) {}
        };

        channel.postDue();
        channel.postDue();

        assertEquals(2, claims[0]);
    }
}
