package dev.opsdeck.schema.control;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.MissingConfigurationException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the database is: {@code db.url} (env {@code DB_URL}) when set, otherwise a file-based embedded
 * database under the data directory. The {@code prod} profile has no embedded default.
 *
 * <p>Two roles: migrations run as {@code migrationUser}, the application as {@code user}. When they differ,
 * the application's role cannot rewrite the audit log ({@link ApplicationRole}). The embedded database always
 * has both; elsewhere one role serves both unless {@code db.migration.user} names another.
 */
public record DatabaseSettings(String url, String user, String password, String migrationUser,
                               String migrationPassword, boolean embedded, long lockTimeoutMs, long statementTimeoutMs) {

    public static final String URL_KEY = "db.url";
    static final String EMBEDDED_OWNER = "opsdeck";
    static final String EMBEDDED_APPLICATION = "opsdeck_app";

    public static DatabaseSettings fromConfig() {
        return from(ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader()));
    }

    public static DatabaseSettings from(Config config) {
        Optional<String> url = config.getOptionalValue(URL_KEY, String.class).filter(value -> !value.isBlank());
        long lockTimeoutMs = milliseconds(config, "db.lock-timeout-ms", 5_000);
        long statementTimeoutMs = milliseconds(config, "db.statement-timeout-ms", 60_000);
        String profile = config.getOptionalValue("mp.config.profile", String.class).orElse("");
        if (url.isEmpty() && "prod".equals(profile)) {
            throw new MissingConfigurationException(URL_KEY, "DB_URL",
                    "the prod profile does not start on the embedded database");
        }
        if (url.isEmpty()) {
            Path dataDir = Path.of(config.getOptionalValue("opsdeck.data.dir", String.class).orElse("./data"));
            String file = dataDir.resolve("db").resolve("opsdeck").toAbsolutePath().normalize().toString();
            String password = config.getOptionalValue("db.password", String.class).orElse(EMBEDDED_OWNER);
            return new DatabaseSettings(
                    "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT="
                            + lockTimeoutMs,
                    EMBEDDED_APPLICATION, password, EMBEDDED_OWNER, password, true, lockTimeoutMs, statementTimeoutMs);
        }
        if (!url.get().startsWith("jdbc:postgresql:") && !url.get().startsWith("jdbc:h2:")) {
            throw new InvalidConfigurationException(URL_KEY + " (DB_URL)",
                    "must start with jdbc:postgresql: or jdbc:h2:, was " + redact(url.get()));
        }
        String user = config.getOptionalValue("db.user", String.class).orElse("");
        String password = config.getOptionalValue("db.password", String.class).orElse("");
        Optional<String> migrationUser = config.getOptionalValue("db.migration.user", String.class)
                .filter(value -> !value.isBlank());
        if (migrationUser.isPresent() && user.isBlank()) {
            throw new InvalidConfigurationException("db.user (DB_USER)",
                    "must name the application's role when db.migration.user is set, was empty");
        }
        return new DatabaseSettings(url.get(), user, password, migrationUser.orElse(user),
                migrationUser.isPresent()
                        ? config.getOptionalValue("db.migration.password", String.class).orElse("")
                        : password,
                false, lockTimeoutMs, statementTimeoutMs);
    }

    /** Whether the application runs as a role of its own, which the migrations then restrict. */
    public boolean separateRoles() {
        return !migrationUser.equals(user);
    }

    private static long milliseconds(Config config, String key, long defaultValue) {
        String value = config.getOptionalValue(key, String.class).orElse(String.valueOf(defaultValue));
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidConfigurationException(key, "must be a positive number of milliseconds, was " + value);
    }

    DataSource dataSource() {
        return dataSource(user, password);
    }

    DataSource migrationDataSource() {
        return dataSource(migrationUser, migrationPassword);
    }

    private DataSource dataSource(String user, String password) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            postgres.setOptions("-c lock_timeout=" + lockTimeoutMs + " -c statement_timeout=" + statementTimeoutMs);
            if (!user.isEmpty()) {
                postgres.setUser(user);
            }
            if (!password.isEmpty()) {
                postgres.setPassword(password);
            }
            return postgres;
        }
        throw new IllegalStateException("unsupported database URL");
    }

    static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redact(url) + ", user=" + user + ", migrationUser=" + migrationUser
                + ", embedded=" + embedded + "]";
    }
}
