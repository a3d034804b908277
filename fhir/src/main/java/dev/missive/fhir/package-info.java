/**
 * The FHIR R4 face of Missive: parse, call a service of the ejb module, map back. No rule is
 * decided here and no EntityManager is touched; the services own both.
 */
package dev.missive.fhir;
