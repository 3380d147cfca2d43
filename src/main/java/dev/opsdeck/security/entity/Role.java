package dev.opsdeck.security.entity;

/** The roles a caller can hold; a service token is the role {@code service}, which may read and request reports. */
public final class Role {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    public static final java.util.Set<String> FROM_JWT = java.util.Set.of(VIEWER, OPERATOR, ADMIN);

    private Role() {
    }
}
