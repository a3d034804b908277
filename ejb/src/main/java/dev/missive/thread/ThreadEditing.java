package dev.missive.thread;

import jakarta.ejb.Local;

/** Editing a thread's details: a draft's before it is sent, an open thread's by its patient side. */
@Local
public interface ThreadEditing {

    /**
     * Edits a thread's details. A draft, by its author: any of them, and it is sent unless the
     * edit is itself a draft, every rule checked as for a new thread. An open thread, by its
     * patient side (the patient or a proxy acting for them): subject, practitioner, message type
     * and regarding (with the response preference and billing consent), a new practitioner,
     * type or regarding checked as when a thread starts; each change is recorded and shown in
     * the thread, and a practitioner the thread leaves keeps the messages sent until then but
     * sees none after. A closed thread is read-only (422 thread-closed); staff do not edit open
     * threads (403). {@code expectedVersion}: the version the edit was based on (If-Match), or
     * null for an unconditional edit; a replaced one changes nothing.
     */
    ThreadView editThread(String id, NewThread edited, Long expectedVersion);
}
