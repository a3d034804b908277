package dev.missive.fhir.conformance;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;
import org.hl7.fhir.r4.model.OperationDefinition;

/**
 * Points the CapabilityStatement HAPI derives from the providers at Missive's own definitions:
 * each operation at its OperationDefinition and each custom search parameter at its
 * SearchParameter, matched by name and resource type. Whatever a provider exposes is linked as
 * soon as a definition file for it exists; whatever has none keeps what HAPI wrote.
 */
public final class CapabilityDefinitions {

    private final ConformanceResources conformance;

    public CapabilityDefinitions(ConformanceResources conformance) {
        this.conformance = conformance;
    }

    public void link(CapabilityStatement statement) {
        for (CapabilityStatementRestComponent rest : statement.getRest()) {
            linkOperations(rest.getOperation(), name -> conformance.operation(null, name));
            for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                String type = resource.getType();
                linkOperations(resource.getOperation(), name -> conformance.operation(type, name));
                for (CapabilityStatementRestResourceSearchParamComponent parameter : resource.getSearchParam()) {
                    conformance.searchParameter(type, parameter.getName()).ifPresent(definition -> {
                        parameter.setDefinition(definition.getUrl());
                        if (!parameter.hasDocumentation()) {
                            parameter.setDocumentation(definition.getDescription());
                        }
                    });
                }
            }
        }
    }

    private static void linkOperations(
            List<CapabilityStatementRestResourceOperationComponent> operations,
            Function<String, Optional<OperationDefinition>> definitionOf) {
        for (CapabilityStatementRestResourceOperationComponent operation : operations) {
            definitionOf.apply(operation.getName()).ifPresent(definition -> {
                operation.setDefinition(definition.getUrl());
                if (!operation.hasDocumentation()) {
                    operation.setDocumentation(definition.getDescription());
                }
            });
        }
    }
}
