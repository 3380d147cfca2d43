package dev.opsdeck.security.entity;

import java.util.List;
import java.util.Set;

/**
 * The roles a caller can hold. Console roles nest: an operator is also a viewer, an admin also an operator. A
 * service token is the role {@code service}, which may read and request reports.
 */
public final class Role {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    public static final Set<String> FROM_JWT = Set.of(VIEWER, OPERATOR, ADMIN);
    public static final List<String> CONSOLE = List.of(VIEWER, OPERATOR, ADMIN);

    private Role() {
    }

    /** The roles a console user of this role holds, its own and those it includes. */
    public static Set<String> granted(String consoleRole) {
        switch (consoleRole) {
            case ADMIN:
                return Set.of(VIEWER, OPERATOR, ADMIN);
            case OPERATOR:
                return Set.of(VIEWER, OPERATOR);
            case VIEWER:
                return Set.of(VIEWER);
            default:
                throw new IllegalArgumentException("unknown console role '" + consoleRole + "'; roles are " + CONSOLE);
        }
    }
}
