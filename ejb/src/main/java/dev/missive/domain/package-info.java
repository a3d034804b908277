/**
 * The messaging domain: threads ({@link dev.missive.domain.Conversation}), their messages, who
 * takes part, and the directory of people they are between. Entities, value types and the
 * repository interfaces that store them. There is no FHIR, HTTP or JPA query code here.
 */
package dev.missive.domain;
