package dev.opsdeck.security.control;

import dev.opsdeck.security.entity.SecurityEvent;
import dev.opsdeck.security.entity.Caller;
import dev.opsdeck.security.entity.ConsoleUser;
import dev.opsdeck.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks console logins against the users in the database. After {@code console.lockout.attempts} failures in a
 * row an account is locked for {@code console.lockout.minutes}; the count is kept in the database, so every
 * instance sees it. Every refusal of a name that does not exist, is locked or has a wrong password reads the same
 * and costs the same password hash, so that the answer does not tell whether a user exists; beside the per-user lock,
 * {@link AddressThrottle} refuses an address that failed too often.
 */
@ApplicationScoped
public class ConsoleLogin {

    static final String WRONG = "Wrong user name or password";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Event<SecurityEvent> audit;

    @Inject
    AddressThrottle throttle;

    @Inject
    @ConfigProperty(name = "console.lockout.attempts", defaultValue = "5")
    int lockoutAttempts;

    @Inject
    @ConfigProperty(name = "console.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    Clock clock = Clock.systemUTC();

    @Transactional
    public LoginResult attempt(String username, String password, String clientAddress) {
        String name = username == null ? "" : username.trim();
        String given = password == null ? "" : password;
        Instant now = clock.instant();
        if (throttle.blocked(clientAddress)) {
            passwords.matchNothing(given);
            return refuse(name, clientAddress, "too many failed logins from this address", WRONG);
        }
        Optional<ConsoleUser> found = find(name);
        if (found.isEmpty()) {
            passwords.matchNothing(given);
            throttle.failed(clientAddress);
            return refuse(name, clientAddress, "unknown user", WRONG);
        }
        ConsoleUser user = found.get();
        boolean matches = passwords.matches(given, user.getPasswordHash());
        if (user.lockedAt(now)) {
            throttle.failed(clientAddress);
            return refuse(name, clientAddress, "locked until " + user.getLockedUntil(), WRONG);
        }
        if (!matches) {
            return failed(user, name, clientAddress, now);
        }
        if (!user.isEnabled()) {
            return refuse(name, clientAddress, "user disabled", "This user is disabled; ask an admin");
        }
        em.createQuery("UPDATE ConsoleUser u SET u.failedLogins = 0, u.lockedUntil = NULL, u.lastLoginAt = :now WHERE u.id = :id")
                .setParameter("now", now).setParameter("id", user.getId()).executeUpdate();
        throttle.succeeded(clientAddress);
        audit.fire(SecurityEvent.of(name, clientAddress, "login.succeeded", "succeeded"));
        return LoginResult.signedIn(new Caller(user.getUsername(), Role.granted(user.getRole())), user.getId());
    }

    /**
     * The caller a session signed in at {@code signedInAt} stands for now, or empty once the user is disabled or
     * removed, or their password changed after that session began.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> current(long userId, Instant signedInAt) {
        List<Object[]> rows = em.createQuery("SELECT u.username, u.role, u.passwordChangedAt FROM ConsoleUser u "
                        + "WHERE u.id = :id AND u.enabled = TRUE", Object[].class).setParameter("id", userId).getResultList();
        return rows.stream().findFirst()
                .filter(row -> row[2] == null || !((Instant) row[2]).isAfter(signedInAt))
                .map(row -> new Caller((String) row[0], Role.granted((String) row[1])));
    }

    public Instant now() {
        return clock.instant();
    }

    public void loggedOut(String username, String clientAddress) {
        audit.fire(SecurityEvent.of(username, clientAddress, "logout", "succeeded"));
    }

    private LoginResult failed(ConsoleUser user, String name, String clientAddress, Instant now) {
        throttle.failed(clientAddress);
        Instant lockUntil = now.plus(Duration.ofMinutes(lockoutMinutes));
        em.createQuery("UPDATE ConsoleUser u SET u.failedLogins = u.failedLogins + 1, "
                        + "u.lockedUntil = CASE WHEN u.failedLogins + 1 >= :attempts THEN :lockUntil ELSE u.lockedUntil END "
                        + "WHERE u.id = :id")
                .setParameter("attempts", lockoutAttempts).setParameter("lockUntil", lockUntil)
                .setParameter("id", user.getId()).executeUpdate();
        boolean lockedNow = user.getFailedLogins() + 1 >= lockoutAttempts;
        return refuse(name, clientAddress, lockedNow ? "wrong password; locked for " + lockoutMinutes + " minutes" : "wrong password",
                WRONG);
    }

    private LoginResult refuse(String name, String clientAddress, String why, String message) {
        String actor = name.isBlank() ? "(blank)" : name.length() > 64 ? name.substring(0, 64) : name;
        audit.fire(SecurityEvent.of(actor, clientAddress, "login.failed", "refused").details(why));
        return LoginResult.refused(message);
    }

    private Optional<ConsoleUser> find(String username) {
        return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.username = :name", ConsoleUser.class)
                .setParameter("name", username).getResultStream().findFirst();
    }
}
