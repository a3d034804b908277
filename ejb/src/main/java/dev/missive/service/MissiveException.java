package dev.missive.service;

import jakarta.ejb.ApplicationException;

/**
 * A request the rules refuse. Thrown to the caller as it is (not wrapped in an EJBException)
 * and rolls back whatever the request had written. Messages never contain health information.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class MissiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected MissiveException(String message) {
        super(message);
    }
}
