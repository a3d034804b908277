/**
 * The audit trail: one record per request (who, what, when, outcome), durable before the
 * request's response is sent (concurrent requests share a commit), read by clinic admins as
 * AuditEvent.
 */
package dev.missive.audit;
