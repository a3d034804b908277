/**
 * Missive's canonical resources (CodeSystems, ValueSets, extension StructureDefinitions,
 * SearchParameters, OperationDefinitions): loaded once from {@code conformance/} on the
 * classpath, served read-only, and linked from the CapabilityStatement. They describe the API
 * and hold no health information.
 */
package dev.missive.fhir.conformance;
