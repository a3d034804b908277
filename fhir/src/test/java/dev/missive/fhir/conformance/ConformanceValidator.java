package dev.missive.fhir.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.http.ManagedWebAccess;

/**
 * HAPI's instance validator against the base R4 specification plus Missive's own CodeSystems,
 * ValueSets and extensions (snapshots generated from their differentials). The one validator
 * set-up of the unit tests and, through this module's test-jar, of the integration suite.
 */
public final class ConformanceValidator {

    private ConformanceValidator() {}

    /** The ERROR and FATAL messages for the resource; warnings and information are left out. */
    public static List<SingleValidationMessage> errors(IBaseResource resource) {
        return errorsOf(Holder.VALIDATOR.validateWithResult(
                resource instanceof StructureDefinition definition ? withFhirPathContexts(definition) : resource));
    }

    /** Fails with every error found, each with where it is. */
    public static void assertValid(IBaseResource resource) {
        assertNone(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), errors(resource));
    }

    /** Validates a resource exactly as a server sent it, in JSON or XML. */
    public static void assertValid(String body) {
        assertNone("The response body", errorsOf(Holder.VALIDATOR.validateWithResult(body)));
    }

    private static List<SingleValidationMessage> errorsOf(ValidationResult result) {
        return result.getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    private static void assertNone(String what, List<SingleValidationMessage> errors) {
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " does not validate:\n"
                    + errors.stream()
                            .map(error -> "  " + error.getSeverity() + " " + error.getLocationString() + ": "
                                    + error.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }

    /**
     * The validator of HAPI 8.8.1 (org.hl7.fhir.validation 6.7.9) checks an extension's element
     * context once per FHIR version, compares version "4.0" with its own "4.0.1", finds no match
     * and tries to download the R4 package, failing the whole StructureDefinition check. So the
     * definition is validated with its element contexts stated as the equivalent FHIRPath (which
     * the validator checks fully and at most warns about), after checking here that each names a
     * real element.
     */
    private static StructureDefinition withFhirPathContexts(StructureDefinition definition) {
        StructureDefinition copy = definition.copy();
        for (StructureDefinition.StructureDefinitionContextComponent context : copy.getContext()) {
            if (context.getType() == StructureDefinition.ExtensionContextType.ELEMENT) {
                if (!Holder.isElement(context.getExpression())) {
                    throw new AssertionError(
                            definition.getUrl() + " has a context that is no element: " + context.getExpression());
                }
                context.setType(StructureDefinition.ExtensionContextType.FHIRPATH);
            }
        }
        return copy;
    }

    /** Built on first use and kept: loading the R4 definitions takes seconds. */
    private static final class Holder {

        static final FhirContext CONTEXT = FhirContext.forR4Cached();
        static final DefaultProfileValidationSupport BASE = new DefaultProfileValidationSupport(CONTEXT);
        static final FhirValidator VALIDATOR = create();

        private static FhirValidator create() {
            // Everything the validator needs is in the jars; it must never reach for the web.
            ManagedWebAccess.setAccessPolicy(ManagedWebAccess.WebAccessPolicy.PROHIBITED);
            PrePopulatedValidationSupport missive = new PrePopulatedValidationSupport(CONTEXT);
            ConformanceResources.load().all().forEach(missive::addResource);
            ValidationSupportChain chain = new ValidationSupportChain(
                    BASE,
                    missive,
                    new SnapshotGeneratingValidationSupport(CONTEXT),
                    new InMemoryTerminologyServerValidationSupport(CONTEXT),
                    new CommonCodeSystemsTerminologyService(CONTEXT));
            return CONTEXT.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }

        /** Whether a path such as {@code Communication} or {@code Communication.payload} is a base R4 element. */
        static boolean isElement(String path) {
            String type = path.split("\\.", 2)[0];
            IBaseResource base = BASE.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + type);
            return base instanceof StructureDefinition definition
                    && definition.getSnapshot().getElement().stream()
                            .anyMatch(element -> element.getPath().equals(path));
        }
    }
}
