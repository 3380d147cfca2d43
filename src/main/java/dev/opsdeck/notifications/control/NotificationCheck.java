package dev.opsdeck.notifications.control;

import dev.opsdeck.mail.control.Mail;
import dev.opsdeck.mail.control.MailTemplates;
import dev.opsdeck.notifications.control.ConditionTransitions.Change;
import dev.opsdeck.notifications.control.ConditionTransitions.Entry;
import dev.opsdeck.notifications.control.ConditionTransitions.Told;
import dev.opsdeck.notifications.entity.ConditionState;
import dev.opsdeck.notifications.entity.NotificationRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One check of every enabled rule, once across the fleet: the instance that locks the due check row
 * ({@code FOR UPDATE SKIP LOCKED}, as the outboxes claim their rows) evaluates the rules, records each condition's
 * state, queues one digest per recipient into the mail outbox and moves the due time forward, all in one transaction.
 * Others skip the locked row and find it not due afterwards; a crash rolls everything back, so nothing is told twice
 * and nothing is lost.
 */
public class NotificationCheck {

    /** Resolved conditions are forgotten this long after they cleared (at least twice the quiet period). */
    static final Duration REMEMBER_RESOLVED = Duration.ofDays(7);

    public record Outcome(boolean ran, int digests, int fired, int stillFiring, int resolved) {
        static final Outcome SKIPPED = new Outcome(false, 0, 0, 0, 0);
    }

    private final DataSource dataSource;
    private final Mail mail;
    private final NotificationFacts facts;
    private final Clock clock;
    private final Duration quiet;
    private final Duration interval;
    private final String instance;

    public NotificationCheck(DataSource dataSource, Mail mail, NotificationFacts facts, Clock clock, Duration quiet,
                             Duration interval, String instance) {
        this.dataSource = dataSource;
        this.mail = mail;
        this.facts = facts;
        this.clock = clock;
        this.quiet = quiet;
        this.interval = interval;
        this.instance = instance;
    }

    /** Runs the check if mail is configured, it is due and no other instance holds it; otherwise does nothing. */
    public Outcome run() throws SQLException {
        if (!mail.configured()) {
            return Outcome.SKIPPED;
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!claim(connection, now)) {
                    connection.rollback();
                    return Outcome.SKIPPED;
                }
                Outcome outcome = check(connection, now);
                ConditionStore.forgetResolvedBefore(connection, now.minus(max(REMEMBER_RESOLVED, quiet.multipliedBy(2))));
                advance(connection, now);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                // a pooled connection must not go back in manual-commit mode
                connection.setAutoCommit(true);
            }
        }
    }

    private Outcome check(Connection connection, Instant now) throws SQLException {
        ConditionFacts seen = facts.read(now, quiet);
        Map<Long, Map<String, ConditionState>> known = ConditionStore.known(connection);
        List<Entry> entries = new ArrayList<>();
        for (NotificationRule rule : NotificationRules.enabled(connection)) {
            Map<String, String> firing = Conditions.firing(rule, seen, quiet);
            for (Change change : ConditionTransitions.decide(rule, known.getOrDefault(rule.id(), Map.of()), firing, now, quiet)) {
                if (change.isNew()) {
                    ConditionStore.insert(connection, change.state());
                } else {
                    ConditionStore.update(connection, change.state());
                }
                change.entry().ifPresent(entries::add);
            }
        }
        Map<String, List<Entry>> digests = Digests.byRecipient(entries);
        for (Map.Entry<String, List<Entry>> digest : digests.entrySet()) {
            mail.enqueue(connection, MailTemplates.Name.NOTIFICATION_DIGEST,
                    Digests.model(digest.getValue(), now, mail.zone(), quiet, mail.linkBaseUrl() + "notifications/index.xhtml"),
                    List.of(digest.getKey()), List.of(), "notification", "check " + now);
        }
        return new Outcome(true, digests.size(), count(entries, Told.FIRED), count(entries, Told.STILL_FIRING),
                count(entries, Told.RESOLVED));
    }

    private static boolean claim(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("SELECT id FROM notification_check WHERE id = 1 AND "
                + "(next_check_at IS NULL OR next_check_at <= ?) FOR UPDATE SKIP LOCKED")) {
            claim.setObject(1, now.atOffset(ZoneOffset.UTC));
            try (ResultSet row = claim.executeQuery()) {
                return row.next();
            }
        }
    }

    private void advance(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement advance = connection.prepareStatement("UPDATE notification_check SET next_check_at = ?, "
                + "checked_at = ?, checked_by = ? WHERE id = 1")) {
            advance.setObject(1, now.plus(interval).atOffset(ZoneOffset.UTC));
            advance.setObject(2, now.atOffset(ZoneOffset.UTC));
            advance.setString(3, instance);
            advance.executeUpdate();
        }
    }

    /** When the fleet last checked, by which instance, and when the next check is due. */
    public record LastCheck(Instant checkedAt, String checkedBy, Instant nextCheckAt) {
    }

    public static Optional<LastCheck> last(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT checked_at, checked_by, next_check_at FROM notification_check WHERE id = 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next() || row.getObject(1) == null) {
                return Optional.empty();
            }
            return Optional.of(new LastCheck(row.getObject(1, java.time.OffsetDateTime.class).toInstant(), row.getString(2),
                    row.getObject(3, java.time.OffsetDateTime.class).toInstant()));
        }
    }

    private static int count(List<Entry> entries, Told told) {
        return (int) entries.stream().filter(entry -> entry.told() == told).count();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
