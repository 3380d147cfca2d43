package dev.opsdeck.security.control;

import dev.opsdeck.security.entity.SecurityEvent;
import dev.opsdeck.security.entity.ConsoleUser;
import dev.opsdeck.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** Creates and changes console users; every change is audited with the admin who made it. */
@ApplicationScoped
public class ConsoleUsers {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Event<SecurityEvent> audit;

    Clock clock = Clock.systemUTC();

    /** A change an admin asked for that cannot be made, with the reason the page shows. */
    public static class RefusedChange extends RuntimeException {
        public RefusedChange(String message) {
            super(message);
        }
    }

    public List<ConsoleUser> all() {
        return em.createQuery("SELECT u FROM ConsoleUser u ORDER BY u.username", ConsoleUser.class).getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM ConsoleUser u", Long.class).getSingleResult();
    }

    /** The count in a transaction of its own: after a failed insert the caller's persistence context is unusable. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long countAfresh() {
        return count();
    }

    @Transactional
    public ConsoleUser create(String username, String role, String password, String by, String clientAddress) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new RefusedChange("A user name is 2 to 64 characters: lower-case letters, digits and . _ @ -, starting with a letter or digit");
        }
        requireRole(role);
        requirePassword(password, name);
        if (!em.createQuery("SELECT u.id FROM ConsoleUser u WHERE u.username = :name").setParameter("name", name)
                .getResultList().isEmpty()) {
            throw new RefusedChange("A user named '" + name + "' already exists");
        }
        ConsoleUser user = new ConsoleUser(name, passwords.hash(password), role, by, clock.instant());
        em.persist(user);
        audit.fire(SecurityEvent.of(by, clientAddress, "user.created", "succeeded").on(name).details("role " + role));
        return user;
    }

    @Transactional
    public void changeRole(long id, String role, String by, String clientAddress) {
        requireRole(role);
        ConsoleUser user = find(id);
        if (user.getUsername().equals(by) && !Role.ADMIN.equals(role)) {
            throw new RefusedChange("You cannot take the admin role from yourself; another admin can");
        }
        String before = user.getRole();
        user.setRole(role);
        audit.fire(SecurityEvent.of(by, clientAddress, "user.role-changed", "succeeded").on(user.getUsername())
                .details(before + " -> " + role));
    }

    @Transactional
    public void setEnabled(long id, boolean enabled, String by, String clientAddress) {
        ConsoleUser user = find(id);
        if (!enabled && user.getUsername().equals(by)) {
            throw new RefusedChange("You cannot disable yourself");
        }
        user.setEnabled(enabled);
        if (enabled) {
            user.unlock();
        }
        audit.fire(SecurityEvent.of(by, clientAddress, enabled ? "user.enabled" : "user.disabled", "succeeded")
                .on(user.getUsername()));
    }

    @Transactional
    public void resetPassword(long id, String password, String by, String clientAddress) {
        ConsoleUser user = find(id);
        requirePassword(password, user.getUsername());
        user.changePassword(passwords.hash(password), clock.instant());
        audit.fire(SecurityEvent.of(by, clientAddress, "user.password-reset", "succeeded").on(user.getUsername()));
    }

    /** Creates the first admin when there is no user at all; false when some user exists already. */
    @Transactional
    public boolean createFirstAdmin(String password) {
        if (count() > 0) {
            return false;
        }
        em.persist(new ConsoleUser("admin", passwords.hash(password), Role.ADMIN, "opsdeck", clock.instant()));
        em.flush();
        audit.fire(SecurityEvent.of("opsdeck", null, "user.created", "succeeded").on("admin")
                .details("the first admin, created at first start"));
        return true;
    }

    private ConsoleUser find(long id) {
        ConsoleUser user = em.find(ConsoleUser.class, id);
        if (user == null) {
            throw new RefusedChange("No user with id " + id);
        }
        return user;
    }

    private static void requireRole(String role) {
        if (role == null || !Role.CONSOLE.contains(role)) {
            throw new RefusedChange("A role is one of " + String.join(", ", Role.CONSOLE));
        }
    }

    private static void requirePassword(String password, String username) {
        String problem = Passwords.problem(password, username);
        if (problem != null) {
            throw new RefusedChange(problem);
        }
    }
}
