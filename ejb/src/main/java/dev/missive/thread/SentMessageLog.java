package dev.missive.thread;

/** Records a sent message in the sending transaction for whoever follows sent messages: kept only if that commits. */
public interface SentMessageLog {

    void record(SentMessage message);
}
