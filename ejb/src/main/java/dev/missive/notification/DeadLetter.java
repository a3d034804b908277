package dev.missive.notification;

import dev.missive.domain.Party;
import java.time.Instant;

/**
 * A notification request that failed every attempt: ids, how often it was tried and when it was
 * first queued (its first attempt follows at once). Never an address or anything of the message.
 */
public record DeadLetter(String messageId, String conversationId, Party recipient, int attempts, Instant queued) {}
