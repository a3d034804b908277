/**
 * Resolves the signed-in account to its Caller once per request: its directory entries, the
 * patients a proxy acts for now, and a practitioner's portal activity.
 */
package dev.missive.session;
