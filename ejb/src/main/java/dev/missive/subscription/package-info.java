/**
 * Integration engines' subscriptions to sent messages: each subscription's filter, its events
 * (numbered, recorded in the sending transaction), and its delivery state (claims, retries,
 * back-off, error). Ids only: nothing here carries a message's text or subject. What a
 * notification looks like on the wire is the FHIR layer's.
 */
package dev.missive.subscription;
