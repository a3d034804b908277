package dev.missive.thread;

import dev.missive.domain.Party;
import java.time.Instant;

/** A message as it is sent, for those told of sent messages: ids and parties only, never its text. */
public record SentMessage(String messageId, String conversationId, String patientId, Party recipient, Instant sent) {}
