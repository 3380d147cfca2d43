package dev.opsdeck.ingestion.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/** The embedded broker's login when BROKER_USER and BROKER_PASSWORD are set: that one user, allowed everything. */
final class SingleUserSecurity implements ActiveMQSecurityManager {

    private final byte[] user;
    private final byte[] password;

    SingleUserSecurity(String user, String password) {
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean validateUser(String user, String password) {
        boolean userMatches = MessageDigest.isEqual(this.user, bytes(user));
        boolean passwordMatches = MessageDigest.isEqual(this.password, bytes(password));
        return userMatches & passwordMatches;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUser(user, password);
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
