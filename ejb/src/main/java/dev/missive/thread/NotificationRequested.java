package dev.missive.thread;

import dev.missive.domain.Party;
import java.io.Serializable;

/** The JMS payload: tell this recipient that a message arrived in this thread. Ids only. */
public record NotificationRequested(String messageId, String conversationId, Party recipient) implements Serializable {}
