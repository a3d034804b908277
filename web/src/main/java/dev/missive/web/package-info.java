/**
 * The web face: mounts the FHIR server at /fhir behind OIDC, answers container-level
 * authentication failures in FHIR's own terms, and serves the browser portal at /portal (static
 * files, public; the portal calls /fhir with the signed-in person's token).
 */
package dev.missive.web;
