package dev.missive.security;

/** The realm roles a signed-in caller can hold. */
public enum Role {
    PATIENT(Roles.PATIENT),
    PROXY(Roles.PROXY),
    PRACTITIONER(Roles.PRACTITIONER),
    CLINIC_ADMIN(Roles.CLINIC_ADMIN),
    INTEGRATION(Roles.INTEGRATION);

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }
}
