package dev.missive.service;

import jakarta.ejb.ApplicationException;

/**
 * The server has no room to keep what the request carries (the attachment store is full): the
 * server's condition, not the caller's error, and one that may pass. HTTP 507. Thrown to the
 * caller as it is and rolls back whatever the request had written.
 */
@ApplicationException(rollback = true)
public class StorageFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageFullException(String message) {
        super(message);
    }
}
