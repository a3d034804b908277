/**
 * Email about new messages: requests relayed to JMS, a thin message-driven bean, who is emailed
 * (never with health information, never twice), retries and dead letters.
 */
package dev.missive.notification;
