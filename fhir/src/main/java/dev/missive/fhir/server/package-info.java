/** The one place the FHIR server is assembled, and the interceptors it runs every request through. */
package dev.missive.fhir.server;
