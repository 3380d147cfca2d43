package dev.opsdeck.tables.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the exports that stream a whole table through an HTTP thread (console list and audit log exports, API
 * report downloads): at most {@code exports.max-concurrent} at once on this instance and
 * {@code exports.max-per-user} per caller, so that a few large exports cannot take every HTTP thread; and a
 * statement timeout of {@code exports.statement-timeout-ms}, long but finite.
 */
@ApplicationScoped
public class ExportLimits {

    public static final int RETRY_AFTER_SECONDS = 30;

    @Inject
    @ConfigProperty(name = "exports.max-concurrent", defaultValue = "4")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "exports.max-per-user", defaultValue = "2")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "exports.statement-timeout-ms", defaultValue = "1800000")
    long statementTimeoutMs;

    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private int running;

    /** Held while an export runs; closing it lets the next one start. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** A permit, or empty when this instance or this caller already runs as many exports as allowed. */
    public synchronized Optional<Permit> tryStart(String caller) {
        int mine = perUser.getOrDefault(caller, 0);
        if (running >= maxConcurrent || mine >= maxPerUser) {
            return Optional.empty();
        }
        running++;
        perUser.put(caller, mine + 1);
        boolean[] closed = {false};
        return Optional.of(() -> {
            synchronized (ExportLimits.this) {
                if (!closed[0]) {
                    closed[0] = true;
                    running--;
                    perUser.computeIfPresent(caller, (name, count) -> count <= 1 ? null : count - 1);
                }
            }
        });
    }

    public String tryAgainMessage() {
        return "Too many exports are running (at most " + maxConcurrent + " at once, " + maxPerUser
                + " per user); try again in a minute";
    }

    /** Sets the export's statement timeout for the transaction open on this connection (PostgreSQL only). */
    public void applyStatementTimeout(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            try (Statement set = connection.createStatement()) {
                set.execute("SET LOCAL statement_timeout = " + statementTimeoutMs);
            }
        }
    }
}
