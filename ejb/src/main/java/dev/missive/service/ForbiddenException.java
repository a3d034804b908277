package dev.missive.service;

/** The caller is known, but their role does not allow this kind of request. */
public class ForbiddenException extends MissiveException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
