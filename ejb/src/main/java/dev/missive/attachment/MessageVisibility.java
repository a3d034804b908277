package dev.missive.attachment;

import dev.missive.security.Caller;

/**
 * Who may read a message, and so the files it carries. The thread capability answers it; the
 * attachments only ask, so that they need not know how threads are seen.
 */
public interface MessageVisibility {

    boolean mayRead(Caller caller, String messageId);
}
