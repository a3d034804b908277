package dev.missive.service;

/** An identifier the caller already gave another of their Communications. */
public class IdentifierTakenException extends MissiveException {

    private static final long serialVersionUID = 1L;

    public IdentifierTakenException() {
        super("The identifier already names another Communication of this author");
    }
}
