package dev.missive.audit;

import jakarta.ejb.ApplicationException;

/**
 * An audit record that could not be made durable: its request must not be answered as a
 * success. Passed to the caller as it is, not logged by the container as a failure of its own.
 * The message says why (never what the record holds).
 */
@ApplicationException
public class AuditNotWrittenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditNotWrittenException(String why, Throwable cause) {
        super("Audit record not written: " + why, cause);
    }
}
