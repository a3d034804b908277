/**
 * Who may write to whom, checked when a thread starts and again on every message: care team
 * with the portal-messaging role or recent appointments, as the policy says.
 */
package dev.missive.eligibility;
