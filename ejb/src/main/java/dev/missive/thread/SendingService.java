package dev.missive.thread;

import jakarta.ejb.Local;

/**
 * Starting threads and sending messages: every rule is checked as it is sent (messaging on,
 * eligibility, billing consent, a thread open for writing), and everyone on the other side is
 * asked to be notified in the same transaction. An integration engine starts threads and sends
 * messages on behalf of the Practitioner each names as sender, held to that practitioner's rules.
 */
@Local
public interface SendingService {

    ThreadView start(NewThread request);

    Message send(NewMessage request);
}
