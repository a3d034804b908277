package dev.missive.subscription;

import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

@Stateless
@DeclareRoles(Roles.INTEGRATION)
@RolesAllowed(Roles.INTEGRATION)
public class DefaultSubscriptionService implements SubscriptionService {

    static final int EVENTS_PER_QUERY = 500;

    private static final Logger LOG = Logger.getLogger(DefaultSubscriptionService.class.getName());

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    SubscriptionEndpoints endpoints;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    public TopicSubscription create(NewSubscription request) {
        endpoints.require(request.endpoint());
        if (request.heartbeatSeconds() != null && request.heartbeatSeconds() < 1) {
            throw new InvalidRequestException("A heartbeat period is a positive number of seconds");
        }
        TopicSubscription subscription = new TopicSubscription(
                UUID.randomUUID().toString(), callers.current().username(), request, clock.instant());
        subscriptions.add(subscription);
        LOG.info("Subscription " + subscription.getId() + " created");
        return subscription;
    }

    @Override
    public TopicSubscription read(String id) {
        String owner = callers.current().username();
        return subscriptions
                .find(id)
                .filter(subscription -> subscription.getOwner().equals(owner))
                .orElseThrow(() -> new NotFoundException("Subscription", id));
    }

    @Override
    public List<TopicSubscription> mine() {
        return subscriptions.ownedBy(callers.current().username());
    }

    @Override
    public void delete(String id) {
        subscriptions.remove(read(id));
        LOG.info("Subscription " + id + " deleted");
    }

    @Override
    public SubscriptionNotification status(String id) {
        TopicSubscription subscription = read(id);
        return notification(subscription, NotificationType.QUERY_STATUS, List.of());
    }

    @Override
    public SubscriptionNotification events(String id, Long since, Long until) {
        TopicSubscription subscription = read(id);
        long after = since == null ? 0 : since - 1;
        long last = until == null ? subscription.getEventsSinceStart() : until;
        if (after < 0 || last < after) {
            throw new InvalidRequestException("eventsSinceNumber is at least 1 and at most eventsUntilNumber");
        }
        return notification(
                subscription,
                NotificationType.QUERY_EVENT,
                subscriptions.events(subscription.getId(), after, last, EVENTS_PER_QUERY));
    }

    private static SubscriptionNotification notification(
            TopicSubscription subscription, NotificationType type, List<SubscriptionEvent> events) {
        return new SubscriptionNotification(
                subscription.getId(),
                subscription.getEndpoint(),
                subscription.getStatus(),
                type,
                subscription.getEventsSinceStart(),
                events,
                null);
    }
}
