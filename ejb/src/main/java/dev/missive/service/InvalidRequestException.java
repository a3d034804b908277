package dev.missive.service;

/** The request is malformed or incomplete. */
public class InvalidRequestException extends MissiveException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
