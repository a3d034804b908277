package dev.missive.fhir.conformance;

import static dev.missive.fhir.conformance.ConformanceValidator.assertValid;
import static dev.missive.fhir.conformance.ConformanceValidator.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.fhir.MissiveFhir;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.service.Rule;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ConformanceResourcesTest {

    private static final ConformanceResources CONFORMANCE = ConformanceResources.load();
    /** Surefire runs in the module's directory. */
    private static final Path SOURCES = Path.of("src/main/resources", ConformanceResources.DIRECTORY);

    private static final Set<String> CANONICAL_TYPES =
            Set.of("CodeSystem", "ValueSet", "StructureDefinition", "SearchParameter", "OperationDefinition");

    @TestFactory
    Stream<DynamicTest> everyCanonicalResourceValidates() {
        assertFalse(CONFORMANCE.all().isEmpty());
        return CONFORMANCE.all().stream()
                .map(resource -> DynamicTest.dynamicTest(
                        resource.fhirType() + "/" + resource.getIdElement().getIdPart(), () -> assertValid(resource)));
    }

    @Test
    void everyFileIsIndexedAndNamedAfterItsResource() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(SOURCES)) {
            files = listing.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .collect(Collectors.toSet());
        }
        assertEquals(files, Set.copyOf(ConformanceResources.fileNames()), "index.txt names every file, once");
        assertEquals(
                files,
                CONFORMANCE.all().stream()
                        .map(resource -> resource.fhirType() + "-"
                                + resource.getIdElement().getIdPart() + ".json")
                        .collect(Collectors.toSet()));
    }

    @Test
    void everyResourceIsMissivesActiveFirstVersion() {
        for (MetadataResource resource : CONFORMANCE.all()) {
            String id = resource.getIdElement().getIdPart();
            assertEquals(MissiveFhir.BASE + "/" + resource.fhirType() + "/" + id, resource.getUrl());
            assertEquals("0.1.0", resource.getVersion(), id);
            assertEquals(PublicationStatus.ACTIVE, resource.getStatus(), id);
            assertEquals("Missive", resource.getPublisher(), id);
        }
    }

    @Test
    void everyCanonicalUrlTheCodeUsesIsDefined() throws IllegalAccessException {
        int checked = 0;
        for (Field field : MissiveFhir.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.get(null) instanceof String url
                    && url.startsWith(MissiveFhir.BASE + "/")
                    && CANONICAL_TYPES.contains(
                            url.substring(MissiveFhir.BASE.length() + 1).split("/")[0])) {
                assertTrue(
                        CONFORMANCE.byCanonical(MetadataResource.class, url).isPresent(),
                        () -> field.getName() + " names " + url + ", which has no definition");
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void theRuleCodeSystemDefinesExactlyTheRulesTheServicesEnforce() {
        Set<String> enforced = Arrays.stream(Rule.values()).map(Rule::code).collect(Collectors.toSet());
        Set<String> defined =
                CONFORMANCE.byCanonical(CodeSystem.class, MissiveFhir.RULE).orElseThrow().getConcept().stream()
                        .map(CodeSystem.ConceptDefinitionComponent::getCode)
                        .collect(Collectors.toSet());
        assertEquals(enforced, defined);
    }

    @Test
    void theResponseMethodsTheMapperAcceptsAreTheValueSets() {
        ValueSet methods = CONFORMANCE.byId(ValueSet.class, "response-method").orElseThrow();
        assertEquals(
                CommunicationMapper.RESPONSE_METHODS,
                methods.getCompose().getIncludeFirstRep().getConcept().stream()
                        .map(ValueSet.ConceptReferenceComponent::getCode)
                        .collect(Collectors.toSet()));
        assertEquals(
                MissiveFhir.PARTICIPATION_MODE,
                methods.getCompose().getIncludeFirstRep().getSystem());
    }

    @Test
    void lookupsMatchTheNameAndTheResourceType() {
        assertEquals(
                MissiveFhir.BASE + "/OperationDefinition/Communication-retract",
                CONFORMANCE.operation("Communication", "retract").orElseThrow().getUrl());
        assertTrue(CONFORMANCE.operation("Patient", "retract").isEmpty());
        assertTrue(CONFORMANCE.operation(null, "retract").isEmpty(), "retract is no system-level operation");
        assertEquals(
                "Patient-message-recipients",
                CONFORMANCE
                        .operation("Patient", "message-recipients")
                        .orElseThrow()
                        .getIdElement()
                        .getIdPart());
        assertEquals(
                MissiveFhir.BASE + "/SearchParameter/Communication-archived",
                CONFORMANCE
                        .searchParameter("Communication", "archived")
                        .orElseThrow()
                        .getUrl());
        assertTrue(CONFORMANCE.searchParameter("Patient", "archived").isEmpty());
        assertTrue(CONFORMANCE
                .byCanonical(CodeSystem.class, MissiveFhir.MESSAGE_TYPE + "|0.1.0")
                .isPresent());
        assertTrue(CONFORMANCE
                .byCanonical(CodeSystem.class, MissiveFhir.MESSAGE_TYPE + "|9.9.9")
                .isEmpty());
        assertTrue(CONFORMANCE.byId(SearchParameter.class, "message-type").isEmpty(), "ids are per type");
    }

    @Test
    void callersGetCopies() {
        CONFORMANCE.byId(CodeSystem.class, "rule").orElseThrow().getConcept().clear();
        assertFalse(CONFORMANCE
                .byId(CodeSystem.class, "rule")
                .orElseThrow()
                .getConcept()
                .isEmpty());
    }

    @Test
    void aRepeatedIdOrAForeignUrlIsRefused() {
        CodeSystem messageType =
                CONFORMANCE.byId(CodeSystem.class, "message-type").orElseThrow();
        assertThrows(IllegalStateException.class, () -> new ConformanceResources(List.of(messageType, messageType)));
        CodeSystem foreign = messageType.copy().setUrl("http://example.org/CodeSystem/message-type");
        assertThrows(IllegalStateException.class, () -> new ConformanceResources(List.of(foreign)));
    }

    @Test
    void theClinicPolicyExtensionsDescribeAnOrganization() {
        Organization clinic = new Organization().setName("Riverside Clinic");
        clinic.setId("clinic");
        clinic.addExtension(extension("messaging-enabled", new BooleanType(true)));
        clinic.addExtension(extension("patients-may-start", new BooleanType(false)));
        clinic.addExtension(extension("eligibility-basis", new CodeType("appointment")));
        clinic.addExtension(extension("appointment-window-days", new IntegerType(365)));
        clinic.addExtension(extension("offered-message-type", new CodeType("general")));
        clinic.addExtension(extension("offered-message-type", new CodeType("billing")));
        clinic.addExtension(extension("attachments-allowed", new BooleanType(true)));
        clinic.addExtension(extension("retract-window", (Duration) new Duration()
                .setValue(5)
                .setUnit("min")
                .setSystem("http://unitsofmeasure.org")
                .setCode("min")));
        clinic.addExtension(extension("guidelines", new StringType("x".repeat(300))));
        for (String[] number : new String[][] {{"en-US", "911"}, {"fr", "112"}}) {
            Extension emergency = extension("emergency-number", null);
            emergency.addExtension("locale", new CodeType(number[0]));
            emergency.addExtension("number", new StringType(number[1]));
            clinic.addExtension(emergency);
        }
        assertValid(clinic);
    }

    @Test
    void theRoleThreadAndPeopleExtensionsValidate() {
        PractitionerRole role = new PractitionerRole().setPractitioner(new Reference("Practitioner/drlee"));
        role.addCode()
                .addCoding(new Coding(MissiveFhir.BASE + "/CodeSystem/practitioner-role", "portal-messaging", null));
        role.addExtension(extension("charges-for-messages", new BooleanType(true)));
        role.addExtension(extension("message-types", new CodeType("medication-renewal")));
        role.addExtension(extension("message-types", new CodeType("test-results")));
        assertValid(role);

        Communication thread = new Communication().setStatus(Communication.CommunicationStatus.INPROGRESS);
        thread.setStatusReason(
                new CodeableConcept(new Coding(MissiveFhir.THREAD_STATUS_REASON, "no-response-needed", null)));
        Extension preference = extension("response-preference", null);
        preference.addExtension("responder", new Reference("Practitioner/nursekim"));
        preference.addExtension("method", new Coding(MissiveFhir.PARTICIPATION_MODE, "PHONE", null));
        thread.addExtension(preference);
        thread.addExtension(extension("billing-consent", new Reference("Consent/c1")));
        Extension state = extension("participant-state", null);
        state.addExtension("archived", new BooleanType(false));
        state.addExtension("unread", new IntegerType(0));
        state.addExtension("lastRead", new InstantType("2026-11-21T10:00:00Z"));
        state.addExtension("left", new InstantType("2026-11-21T11:00:00Z"));
        thread.addExtension(state);
        thread.addExtension(threadChange("topic", "recipient"));
        thread.addExtension(away(true));
        thread.addExtension(extension("claimed-by", new Reference("Practitioner/nurse")));
        assertValid(thread);
        CareTeam pool = new CareTeam().setName("Clinic nurses");
        pool.addCategory().addCoding(new Coding(MissiveFhir.CARE_TEAM_CATEGORY, MissiveFhir.POOL, "Team pool"));
        pool.addExtension(extension("message-types", new CodeType("medication-renewal")));
        assertValid(pool);
        assertValid(new PractitionerRole().addExtension(away(false)));

        assertValid(new Patient().addExtension(extension("do-not-email", new BooleanType(true))));
        assertValid(new Practitioner().addExtension(extension("email-notifications", new BooleanType(false))));
    }

    private static Extension away(boolean covered) {
        Extension away = extension("practitioner-away", null);
        away.addExtension("until", new InstantType("2027-01-12T08:00:00+01:00"));
        if (covered) {
            away.addExtension("cover", new Reference("Practitioner/drpatel").setDisplay("Dr Patel"));
        }
        return away;
    }

    private static Extension threadChange(String... details) {
        Extension change = extension("thread-change", null);
        change.addExtension("author", new Reference("Patient/alice"));
        change.addExtension("time", new InstantType("2026-11-21T14:02:00Z"));
        for (String detail : details) {
            change.addExtension("changed", new Coding(MissiveFhir.THREAD_DETAIL, detail, null));
        }
        return change;
    }

    @Test
    void extensionsAreHeldToTheirDefinitions() {
        assertFalse(
                errors(new Communication()
                                .setStatus(Communication.CommunicationStatus.INPROGRESS)
                                .addExtension(threadChange("gossip")))
                        .isEmpty(),
                "not a thread detail");
        assertFalse(
                errors(new Communication()
                                .setStatus(Communication.CommunicationStatus.INPROGRESS)
                                .addExtension(threadChange()))
                        .isEmpty(),
                "which details changed is required");
        Extension awayWithoutEnd = extension("practitioner-away", null);
        awayWithoutEnd.addExtension("cover", new Reference("Practitioner/drpatel"));
        assertFalse(errors(new PractitionerRole().addExtension(awayWithoutEnd)).isEmpty(), "until when is required");
        assertFalse(
                errors(new Organization()
                                .setName("Clinic")
                                .addExtension(extension("guidelines", new StringType("x".repeat(301)))))
                        .isEmpty(),
                "300 characters at most");
        assertFalse(
                errors(new Practitioner().addExtension(extension("do-not-email", new BooleanType(true))))
                        .isEmpty(),
                "a Patient extension");
        assertFalse(
                errors(new PractitionerRole().addExtension(extension("message-types", new CodeType("gossip"))))
                        .isEmpty(),
                "not a message type");
        assertFalse(
                errors(new Patient().addExtension(extension("claimed-by", new Reference("Practitioner/nurse"))))
                        .isEmpty(),
                "a thread header's extension");
        Extension noNumber = extension("emergency-number", null);
        noNumber.addExtension("locale", new CodeType("en-GB"));
        assertFalse(
                errors(new Organization().setName("Clinic").addExtension(noNumber))
                        .isEmpty(),
                "number is required");
        Extension byFax = extension("response-preference", null);
        byFax.addExtension("method", new Coding(MissiveFhir.PARTICIPATION_MODE, "FAXWRIT", null));
        assertFalse(
                errors(new Communication()
                                .setStatus(Communication.CommunicationStatus.INPROGRESS)
                                .addExtension(byFax))
                        .isEmpty(),
                "portal message, phone or email only");
    }

    private static Extension extension(String name, Type value) {
        return new Extension(MissiveFhir.BASE + "/StructureDefinition/" + name, value);
    }
}
