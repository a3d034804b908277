/**
 * Email notifications of new messages: a request is queued on JMS in the same transaction as
 * the message, and a thin message-driven bean hands it to {@link NotificationService}, which
 * decides who is emailed and sends a message that carries no health information.
 */
package dev.missive.notification;
