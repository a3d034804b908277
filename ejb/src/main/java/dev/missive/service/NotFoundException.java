package dev.missive.service;

/** No such record, or none the caller may see: the two are never told apart. */
public class NotFoundException extends MissiveException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String type, String id) {
        super(type + "/" + id + " is not known");
    }
}
