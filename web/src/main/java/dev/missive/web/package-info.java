/**
 * The web face: mounts the FHIR server at /fhir behind OIDC, answers container-level
 * authentication failures in FHIR's own terms, and (later) serves the browser portal.
 */
package dev.missive.web;
