/**
 * Threads (Conversation) and their messages: who sees them (ThreadScope, ThreadAccess), drafts,
 * sending, reading, inbox state, thread actions and editing a thread's details. A sent message asks for notifications here.
 */
package dev.missive.thread;
