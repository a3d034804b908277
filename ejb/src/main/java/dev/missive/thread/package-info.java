/**
 * Threads (Conversation) and their messages: who sees them (ThreadScope, ThreadAccess), drafts,
 * sending, reading, inbox state and thread actions. A sent message asks for notifications here.
 */
package dev.missive.thread;
