package dev.missive.fhir.subscription;

import ca.uhn.fhir.context.FhirContext;
import dev.missive.fhir.mapping.SubscriptionNotificationMapper;
import dev.missive.subscription.SubscriptionDeliveries;
import dev.missive.subscription.SubscriptionNotification;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Every second, on every node, posts what is due: each notification its own task, so that one
 * slow endpoint does not hold up another's. A post counts as delivered on any 2xx answer; no
 * answer within {@link #TIMEOUT} or any other status is a failure, retried by the deliveries'
 * back-off. Nothing is kept here: what was not delivered is still due in the database.
 */
@Singleton
@Startup
public class RestHookChannel {

    /** Shorter than a delivery claim, so that a post in progress keeps it. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final int BATCH = 50;

    private static final Logger LOG = Logger.getLogger(RestHookChannel.class.getName());

    @EJB
    SubscriptionDeliveries deliveries;

    @Resource
    ManagedExecutorService executor;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void postDue() {
        for (SubscriptionNotification notification : deliveries.claimDue(BATCH)) {
            executor.execute(() -> post(notification));
        }
    }

    private void post(SubscriptionNotification notification) {
        String body = FhirContext.forR4Cached()
                .newJsonParser()
                .encodeResourceToString(SubscriptionNotificationMapper.notification(notification, Instant.now()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(notification.endpoint()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                deliveries.delivered(notification);
                return;
            }
            LOG.info("Subscription " + notification.subscriptionId() + ": the endpoint answered " + status);
        } catch (IOException e) {
            LOG.info("Subscription " + notification.subscriptionId() + ": no answer ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliveries.failed(notification);
    }
}
