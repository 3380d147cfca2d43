package dev.opsdeck.security.boundary;

/** Where the authentication mechanism leaves the reason a login was refused, for the login page to show. */
public final class LoginMessages {

    public static final String ATTRIBUTE = "opsdeck.login-refused";

    private LoginMessages() {
    }
}
