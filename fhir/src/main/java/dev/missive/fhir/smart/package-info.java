/**
 * SMART on FHIR: the scopes a token grants, as an upper bound on top of Missive's own rules. A
 * request needs a granted scope for its resource type and interaction; no scope widens what the
 * caller's roles and the services allow.
 */
package dev.missive.fhir.smart;
