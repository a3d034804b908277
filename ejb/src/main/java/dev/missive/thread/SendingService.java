package dev.missive.thread;

import jakarta.ejb.Local;

/**
 * Starting threads and sending messages: every rule is checked as it is sent (messaging on,
 * eligibility, billing consent, a thread open for writing), and everyone on the other side is
 * asked to be notified in the same transaction.
 */
@Local
public interface SendingService {

    ThreadView start(NewThread request);

    Message send(NewMessage request);
}
