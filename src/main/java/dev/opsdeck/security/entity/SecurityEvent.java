package dev.opsdeck.security.entity;

/**
 * A login, logout or change of a console user, fired as a CDI event for the audit log to observe; security sits
 * underneath audit, so it tells rather than calls. {@code user} names the changed user, or is null for a login.
 */
public record SecurityEvent(String actor, String clientAddress, String action, String outcome, String user, String details) {

    public static SecurityEvent of(String actor, String clientAddress, String action, String outcome) {
        return new SecurityEvent(actor, clientAddress, action, outcome, null, null);
    }

    public SecurityEvent on(String changedUser) {
        return new SecurityEvent(actor, clientAddress, action, outcome, changedUser, details);
    }

    public SecurityEvent details(String text) {
        return new SecurityEvent(actor, clientAddress, action, outcome, user, text);
    }
}
