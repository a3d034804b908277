package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.MissiveFhir;
import dev.missive.fhir.smart.GrantedScopes;
import dev.missive.fhir.smart.Interaction;
import dev.missive.service.UnitOfWork;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code POST /} with a transaction Bundle: what a portal sends on "Send", the thread header
 * and its first message (entries POST to Communication, the message's partOf naming the
 * header's fullUrl), all written or none. The billing Consent a thread rests on may come with
 * it, the header's billing-consent naming the Consent's fullUrl: a thread refused leaves no
 * consent behind.
 */
@ApplicationScoped
public class TransactionProvider {

    /**
     * A portal sends two entries, an integration engine a few more: a cap keeps one request from
     * holding a transaction (and its locks) for long.
     */
    static final int MAX_ENTRIES = 100;

    @EJB
    UnitOfWork unitOfWork;

    @Inject
    CommunicationProvider communications;

    @Inject
    ConsentProvider consents;

    @Transaction
    public Bundle transaction(@TransactionParam Bundle request, RequestDetails details) {
        if (request.getType() != Bundle.BundleType.TRANSACTION) {
            throw new InvalidRequestException("Only transaction Bundles are accepted at the base URL");
        }
        if (request.getEntry().size() > MAX_ENTRIES) {
            throw new InvalidRequestException("A transaction holds at most " + MAX_ENTRIES + " entries");
        }
        Set<String> fullUrls = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : request.getEntry()) {
            if (entry.hasFullUrl() && !fullUrls.add(entry.getFullUrl())) {
                throw new InvalidRequestException("Two entries of the transaction have one fullUrl");
            }
            if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST
                    || !(entry.getResource() instanceof Communication || entry.getResource() instanceof Consent)) {
                throw new InvalidRequestException("A transaction holds POSTs of Communication and Consent resources");
            }
            if (entry.getResource() instanceof Consent) {
                // the request's scope check saw a transaction, which is Communications' alone
                GrantedScopes.of(details).ifPresent(granted -> granted.require("Consent", Interaction.CREATE));
            }
        }
        return unitOfWork.inOneTransaction(() -> apply(request, details.getFhirServerBase()));
    }

    /** {@code base}: the server's base URL, for the entries' absolute fullUrls. */
    private Bundle apply(Bundle request, String base) {
        Map<String, String> created = new HashMap<>();
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent entry : request.getEntry()) {
            MethodOutcome outcome = create(entry, created);
            Resource saved = (Resource) outcome.getResource();
            String id = saved.fhirType() + "/" + saved.getIdElement().getIdPart();
            if (entry.hasFullUrl()) {
                created.put(entry.getFullUrl(), id);
            }
            response.addEntry()
                    .setFullUrl(base + "/" + id)
                    .setResource(saved)
                    .getResponse()
                    .setStatus(Boolean.TRUE.equals(outcome.getCreated()) ? "201 Created" : "200 OK")
                    .setLocation(id + "/_history/" + saved.getMeta().getVersionId());
        }
        return response;
    }

    private MethodOutcome create(Bundle.BundleEntryComponent entry, Map<String, String> created) {
        String ifNoneExist = entry.getRequest().getIfNoneExist();
        if (entry.getResource() instanceof Consent consent) {
            return consents.create(consent, ifNoneExist);
        }
        Communication communication = (Communication) entry.getResource();
        communication.getPartOf().forEach(reference -> resolve(reference, created));
        communication.getInResponseTo().forEach(reference -> resolve(reference, created));
        communication.getExtensionsByUrl(MissiveFhir.BILLING_CONSENT).stream()
                .filter(extension -> extension.getValue() instanceof Reference)
                .forEach(extension -> resolve((Reference) extension.getValue(), created));
        return communications.create(communication, ifNoneExist, false);
    }

    /** Points a reference at the resource an earlier entry created, by that entry's fullUrl. */
    private static void resolve(Reference reference, Map<String, String> created) {
        String target = created.get(reference.getReference());
        if (target != null) {
            reference.setReference(target);
        } else if (reference.getReference() != null && reference.getReference().startsWith("urn:uuid:")) {
            throw new InvalidRequestException("A reference names an entry that is not earlier in the transaction");
        }
    }
}
