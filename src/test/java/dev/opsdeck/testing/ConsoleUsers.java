package dev.opsdeck.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Console users for browser tests, written straight into {@code console_user} with a hash in the form the
 * platform's Pbkdf2PasswordHash (Soteria) reads: {@code PBKDF2WithHmacSHA512:<iterations>:<base64 salt>:<base64 key>}.
 * The form carries its iteration count, so a low one keeps tests fast.
 */
public final class ConsoleUsers {

    static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    static final int ITERATIONS = 1_024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleUsers() {
    }

    public static void create(Connection connection, String username, String role, String password) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO console_user (username, password_hash, role, "
                + "enabled, failed_logins, password_changed_at, created_at, created_by) VALUES (?, ?, ?, TRUE, 0, ?, ?, 'test')")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, username);
            insert.setString(2, hash(password));
            insert.setString(3, role);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
    }

    public static void changeRole(Connection connection, String username, String role) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE console_user SET role = ? WHERE username = ?")) {
            update.setString(1, role);
            update.setString(2, username);
            if (update.executeUpdate() != 1) {
                throw new SQLException("no console user " + username);
            }
        }
    }

    static String hash(String password) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        try {
            byte[] key = SecretKeyFactory.getInstance(ALGORITHM)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 64 * 8)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
