/**
 * Cover while away: a practitioner's absence (a period of instants) and the colleague who covers
 * it, set and cleared by the practitioner or a clinic admin. Who receives what while it runs is
 * decided by the eligibility and thread capabilities, which ask here; this package knows no thread.
 */
package dev.missive.cover;
