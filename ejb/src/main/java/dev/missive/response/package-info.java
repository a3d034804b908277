/**
 * Answering within the promised time: overdue threads escalated once to the clinic admins (on
 * one node of a cluster, through the notification outbox), and the response-time report. The
 * due time itself is kept on the thread as its messages are sent ({@code thread}), by the
 * clinic's calendar ({@code policy}); this package reads threads and never writes their messages.
 */
package dev.missive.response;
