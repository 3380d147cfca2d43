package dev.opsdeck.security.entity;

import java.util.List;
import java.util.function.Predicate;

/**
 * The guarded actions and the roles that may take each: the one rule that the console and the API both ask, so
 * that a viewer, operator or admin may do the same on either surface. Reading read models needs any role and is
 * not listed.
 */
public enum Action {

    COMMANDS_READ("read commands", Role.OPERATOR, Role.ADMIN),
    COMMANDS_DECIDE("approve or reject commands", Role.OPERATOR, Role.ADMIN),
    AUDIT_LOG_READ("read or export the audit log", Role.ADMIN),
    REPORT_SCHEDULES_CHANGE("create or change report configurations and schedules", Role.ADMIN),
    DEAD_LETTERS_RESOLVE("replay or discard dead letters", Role.ADMIN),
    MAIL_ADMINISTER("read the mail outbox, resend mail or change mail templates", Role.ADMIN),
    NOTIFICATIONS_ADMINISTER("read or change notification rules", Role.ADMIN);

    private final String description;
    private final List<String> roles;

    Action(String description, String... roles) {
        this.description = description;
        this.roles = List.of(roles);
    }

    public List<String> roles() {
        return roles;
    }

    public boolean allows(Predicate<String> callerInRole) {
        return roles.stream().anyMatch(callerInRole);
    }

    /** The sentence a refused caller reads, on either surface. */
    public String refusal() {
        return "Only " + String.join(" or ", roles) + " may " + description;
    }
}
