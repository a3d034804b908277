package dev.missive.fhir.subscription;

import ca.uhn.fhir.context.FhirContext;
import dev.missive.fhir.mapping.SubscriptionNotificationMapper;
import dev.missive.subscription.SubscriptionDeliveries;
import dev.missive.subscription.SubscriptionNotification;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A second after the last round ended, on every node, posts what is due: each notification its own
 * task, so that one slow endpoint does not hold up another's. Rounds at a fixed delay, not an EJB
 * timer every second: a round slower than a second (a cold start, a busy database) would have the
 * timer skip the next one with a WARN each time. A post counts as delivered on any 2xx answer; no
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

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> rounds;

    /** Whether the last round failed: a database that is away is logged once, not every second. */
    private boolean failing;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @PostConstruct
    void start() {
        rounds = scheduler.scheduleWithFixedDelay(this::postDue, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        rounds.cancel(false);
    }

    void postDue() {
        try {
            for (SubscriptionNotification notification : deliveries.claimDue(BATCH)) {
                executor.execute(() -> post(notification));
            }
            if (failing) {
                LOG.info("Subscription notifications: claiming what is due works again");
            }
            failing = false;
        } catch (RuntimeException e) {
            // thrown out of the round, it would end the fixed-delay rounds for good
            if (!failing) {
                LOG.warning("Subscription notifications: claiming what is due failed ("
                        + e.getClass().getSimpleName() + "); tried again every second");
            }
            failing = true;
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
