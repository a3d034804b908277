package dev.missive.fhir.provider;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import dev.missive.fhir.mapping.SubscriptionMapper;
import dev.missive.fhir.mapping.SubscriptionNotificationMapper;
import dev.missive.subscription.SubscriptionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * Topic-based subscriptions (the Subscriptions R5 Backport IG on R4) to the message-sent topic:
 * create, read, search (the caller's own) and delete, {@code $status} and {@code $events}.
 * Integration engines only; each sees its own.
 */
@ApplicationScoped
public class SubscriptionProvider implements IResourceProvider {

    @EJB
    SubscriptionService subscriptions;

    @Override
    public Class<Subscription> getResourceType() {
        return Subscription.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Subscription resource) {
        Subscription created = SubscriptionMapper.toFhir(subscriptions.create(SubscriptionMapper.fromFhir(resource)));
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    @Read
    public Subscription read(@IdParam IdType id) {
        return SubscriptionMapper.toFhir(subscriptions.read(id.getIdPart()));
    }

    @Search
    public List<Subscription> mine() {
        return subscriptions.mine().stream().map(SubscriptionMapper::toFhir).toList();
    }

    @Delete
    public void delete(@IdParam IdType id) {
        subscriptions.delete(id.getIdPart());
    }

    @Operation(name = "$status", type = Subscription.class, idempotent = true)
    @Description(shortDefinition = "The subscription's status: events since it started, its status")
    public Bundle status(@IdParam IdType id) {
        return SubscriptionNotificationMapper.statusQuery(subscriptions.status(id.getIdPart()), Instant.now());
    }

    @Operation(name = "$events", type = Subscription.class, idempotent = true)
    @Description(shortDefinition = "The subscription's events by number, for a receiver that missed some")
    public Bundle events(
            @IdParam IdType id,
            @OperationParam(name = "eventsSinceNumber") UnsignedIntType since,
            @OperationParam(name = "eventsUntilNumber") UnsignedIntType until) {
        return SubscriptionNotificationMapper.notification(
                subscriptions.events(id.getIdPart(), number(since), number(until)), Instant.now());
    }

    private static Long number(UnsignedIntType number) {
        return number == null || number.getValue() == null
                ? null
                : number.getValue().longValue();
    }
}
