/**
 * The rest-hook channel of subscriptions: posts the notifications the ejb module's deliveries
 * claim, as FHIR Bundles, and reports each outcome back. Decides nothing about retries or
 * status: those are the ejb module's.
 */
package dev.missive.fhir.subscription;
