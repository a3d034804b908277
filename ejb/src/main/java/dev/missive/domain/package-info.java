/**
 * The words every capability shares: a Party (a patient, practitioner or proxy) who takes part in
 * threads. Nothing here knows FHIR, HTTP or JPA queries.
 */
package dev.missive.domain;
