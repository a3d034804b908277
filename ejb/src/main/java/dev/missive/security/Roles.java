package dev.missive.security;

/** Role names as constants, for security annotations. */
public final class Roles {

    public static final String PATIENT = "patient";
    public static final String PROXY = "proxy";
    public static final String PRACTITIONER = "practitioner";
    public static final String CLINIC_ADMIN = "clinic-admin";
    public static final String INTEGRATION = "integration";

    private Roles() {}
}
