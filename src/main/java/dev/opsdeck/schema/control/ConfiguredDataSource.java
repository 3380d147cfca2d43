package dev.opsdeck.schema.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.MissingConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The container pool's data source: which JDBC driver to use follows from the configured URL, so that
 * one build runs on the embedded database and on PostgreSQL without a driver setting of its own.
 */
public class ConfiguredDataSource implements DataSource {

    private final DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    public ConfiguredDataSource() {
        this(settingsOrStop());
    }

    private static DatabaseSettings settingsOrStop() {
        try {
            return DatabaseSettings.fromConfig();
        } catch (MissingConfigurationException | InvalidConfigurationException e) {
            throw StartupFailure.stop(e);
        }
    }

    ConfiguredDataSource(DatabaseSettings settings) {
        if (settings.separateRoles() && settings.url().startsWith("jdbc:h2:")) {
            ApplicationRole.createOnH2(settings);
        }
        this.target = settings.dataSource();
    }

    // The pool sets these from the @DataSourceDefinition; the settings were already read from configuration.
    public void setUrl(String ignored) {
    }

    public void setURL(String ignored) {
    }

    public void setUser(String ignored) {
    }

    public void setPassword(String ignored) {
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target.getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(target)) {
            return type.cast(target);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(target);
    }
}
