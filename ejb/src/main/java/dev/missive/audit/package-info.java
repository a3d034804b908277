/**
 * The audit trail: one record per request (who, what, when, outcome), written in batches off the
 * request thread and read by clinic admins as AuditEvent.
 */
package dev.missive.audit;
