package dev.missive.it;

import static dev.missive.fhir.conformance.ConformanceValidator.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.fhir.conformance.ConformanceResources;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * What the live server returns validates against base R4 and Missive's own definitions, and
 * every definition it names can be fetched from it.
 */
class ConformanceIT extends MissiveIT {

    private static final String BASE = "https://missive.dev/fhir";

    @Test
    void threadsMessagesAndPeopleValidateAsSent() {
        Fhir alice = Fhir.as("alice");
        Fhir drlee = Fhir.as("drlee");
        String threadId = Threads.start(alice, "alice", "drlee", "Conformance check");
        String messageId = Threads.send(alice, threadId, "Does this validate?");

        Fhir.Response header = drlee.get("Communication/" + threadId);
        assertTrue(
                header.as(Communication.class).hasExtension(BASE + "/StructureDefinition/participant-state"),
                "the header carries the caller's state, which is validated too");
        validates(header, 200);
        validates(drlee.get("Communication/" + messageId), 200);
        validates(alice.get("Patient/alice"), 200);
        validates(alice.get("Practitioner/drlee"), 200);
        validates(drlee.get("Communication?part-of:missing=true&_count=5"), 200);
        validates(alice.get("Communication/no-such-thread"), 404);
        validates(Fhir.as("admin").get("AuditEvent?_count=20"), 200);
    }

    @Test
    void draftsTombstonesBundlesAndRefusalsValidateAsSent() {
        Fhir alice = Fhir.as("alice");
        String aliceId = Directory.idOf(alice, "Patient", "alice");
        String threadId = Threads.start(alice, aliceId, Directory.idOf(alice, "Practitioner", "drlee"), "Kinds");

        Communication draft = Threads.message(threadId, "Not sent yet");
        draft.setStatus(Communication.CommunicationStatus.PREPARATION);
        Fhir.Response savedDraft = alice.post("Communication", draft);
        validates(savedDraft, 201);
        validates(alice.get("Communication?status=preparation"), 200);

        String retracted = Threads.send(alice, threadId, "Sent in error");
        validates(alice.postRaw("Communication/" + retracted + "/$retract", "{\"resourceType\":\"Parameters\"}"), 200);
        validates(alice.get("Communication/" + retracted), 200);

        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction
                .addEntry()
                .setResource(Threads.message(threadId, "In a transaction"))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Communication");
        validates(alice.post("", transaction), 200);

        validates(alice.get("Patient/" + aliceId + "/$message-recipients?category=general"), 200);
        validates(alice.get("Patient/" + aliceId + "/$message-recipients?category=medication-renewal"), 200);
        String pooled = Threads.start(alice, PoolsIT.toNurses("Conformance pool"));
        Threads.send(alice, pooled, "To the team");
        validates(Fhir.as("drlee").post("Communication/" + pooled + "/$claim", new Parameters()), 200);
        validates(alice.get("Communication/" + pooled), 200);
        validates(alice.post("Communication", Threads.message("no-such-thread", "Lost")), 404);
        validates(Fhir.withToken(Tokens.withScopes("alice", "openid")).get("Communication?part-of:missing=true"), 403);
        validates(alice.get("Communication?_sort=date"), 400);
    }

    @Test
    void everyKindOfDirectoryResourceValidatesAsSent() {
        Fhir engine = Fhir.as(Tokens.INTEGRATION);
        for (String type : List.of(
                "Patient",
                "Practitioner",
                "PractitionerRole",
                "RelatedPerson",
                "CareTeam",
                "EpisodeOfCare",
                "Appointment",
                "Consent")) {
            Fhir.Response found = engine.get(type + "?_count=50");
            validates(found, 200);
            assertTrue(type.equals("Consent") || found.bundle().getTotal() > 0, type + " has demo entries");
        }
        validates(Fhir.as("admin").get("Organization/clinic"), 200);
    }

    @Test
    void theCapabilityStatementValidatesAndEveryDefinitionItNamesCanBeFetched() {
        Fhir alice = Fhir.as("alice");
        Fhir.Response metadata = Fhir.anonymous().get("metadata");
        validates(metadata, 200);

        CapabilityStatement statement = metadata.as(CapabilityStatement.class);
        List<String> missing = new ArrayList<>();
        for (CapabilityStatementRestResourceComponent resource :
                statement.getRestFirstRep().getResource()) {
            for (CapabilityStatementRestResourceOperationComponent operation : resource.getOperation()) {
                if (!served(alice, "OperationDefinition", operation.getDefinition())) {
                    missing.add(operation.getDefinition());
                }
            }
            for (CapabilityStatementRestResourceSearchParamComponent parameter : resource.getSearchParam()) {
                if (parameter.hasDefinition() && !served(alice, "SearchParameter", parameter.getDefinition())) {
                    missing.add(parameter.getDefinition());
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "named but not served: " + missing);
        assertTrue(
                statement.getRestFirstRep().getResource().stream()
                        .anyMatch(resource -> "CodeSystem".equals(resource.getType())),
                "the canonical resources are listed");
    }

    @Test
    void anyAuthenticatedCallerReadsTheCanonicalResourcesAsLoaded() {
        ConformanceResources conformance = ConformanceResources.load();
        for (String account : List.of("alice", "gina", "drlee", Tokens.INTEGRATION)) {
            Fhir client = Fhir.as(account);
            Fhir.Response read = client.get("CodeSystem/message-type");
            assertEquals(200, read.status(), account + " " + read);
            assertTrue(
                    sameContent(
                            read.as(CodeSystem.class),
                            conformance.byId(CodeSystem.class, "message-type").orElseThrow()),
                    account);
        }
        Fhir drpatel = Fhir.as("drpatel");
        for (MetadataResource resource : conformance.all()) {
            Fhir.Response byUrl = drpatel.get(resource.fhirType() + "?url=" + resource.getUrl());
            assertEquals(200, byUrl.status(), byUrl::toString);
            Bundle found = byUrl.bundle();
            assertEquals(1, found.getEntry().size(), resource.getUrl());
            assertTrue(sameContent(found.getEntryFirstRep().getResource(), resource), resource.getUrl());
        }
        OperationDefinition retract =
                drpatel.get("OperationDefinition/Communication-retract").as(OperationDefinition.class);
        assertEquals(
                BASE + "/OperationDefinition/Communication-retract",
                retract.getUrl(),
                "Missive's own definition, not one HAPI generates");
        assertEquals(404, drpatel.get("CodeSystem/no-such-code-system").status());
    }

    private static void validates(Fhir.Response response, int status) {
        assertEquals(status, response.status(), response::toString);
        assertValid(response.body());
    }

    /** Equal but for the id's form (a search entry's is absolute) and meta, which the server may add. */
    private static boolean sameContent(Resource served, Resource loaded) {
        Resource left = served.copy();
        Resource right = loaded.copy();
        for (Resource resource : List.of(left, right)) {
            resource.setId((String) null);
            resource.setMeta(null);
        }
        return left.equalsDeep(right);
    }

    /** Missive's canonical URLs are found by url; any other definition is read where it points. */
    private static boolean served(Fhir client, String type, String definition) {
        if (definition.startsWith(BASE + "/")) {
            Fhir.Response found = client.get(type + "?url=" + definition);
            return found.status() == 200 && found.bundle().getEntry().size() == 1;
        }
        return client.get(definition).status() == 200;
    }
}
