/**
 * The rules of secure messaging, as EJB services: who may see and write what, and what
 * happens when they do. Callers are taken from the container's security context, never
 * from what a request says about itself. Nothing here knows FHIR or HTTP.
 */
package dev.missive.service;
