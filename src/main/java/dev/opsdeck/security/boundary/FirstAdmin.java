package dev.opsdeck.security.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.MissingConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.security.control.ConsoleUsers;
import dev.opsdeck.security.control.Passwords;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the first start (no console user yet) creates the user {@code admin} with the password from
 * {@code OPSDECK_ADMIN_PASSWORD}, or a random one printed once in the log and in the start banner; under the
 * {@code prod} profile the password must be configured.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstAdmin {

    public static final String USER = "admin";
    static final String KEY = "opsdeck.admin.password";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    ConsoleUsers users;

    @Inject
    @ConfigProperty(name = KEY)
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "mp.config.profile")
    Optional<String> profile;

    private boolean createdNow;
    private String generatedPassword;

    @PostConstruct
    void createWhenNoUserExists() {
        if (configuredPassword.isEmpty() && profile.filter("prod"::equals).isPresent() && users.countAfresh() == 0) {
            throw StartupFailure.stop(new MissingConfigurationException(KEY, "OPSDECK_ADMIN_PASSWORD",
                    "required for the first start under the prod profile, where no console user exists yet"));
        }
        configuredPassword.ifPresent(password -> {
            String problem = Passwords.problem(password, USER);
            if (problem != null) {
                throw StartupFailure.stop(new InvalidConfigurationException(KEY, problem));
            }
        });
        String password = configuredPassword.orElseGet(Passwords::generate);
        try {
            if (users.createFirstAdmin(password)) {
                createdNow = true;
                generatedPassword = configuredPassword.isPresent() ? null : password;
                if (configuredPassword.isPresent()) {
                    LOG.info("Created the first console user 'admin' with the password from OPSDECK_ADMIN_PASSWORD");
                } else {
                    LOG.warning("Created the first console user 'admin' with the generated password " + password
                            + " (shown only this once: log in and change it, or set OPSDECK_ADMIN_PASSWORD before the first start)");
                }
            }
        } catch (RuntimeException e) {
            if (users.countAfresh() == 0) {
                throw e;
            }
            LOG.info("Another instance created the first console user at the same time");
        }
    }

    /** Whether this start created the first admin: the first start of this database. */
    public boolean createdNow() {
        return createdNow;
    }

    public boolean passwordFromConfiguration() {
        return configuredPassword.isPresent();
    }

    /** The password generated on this first start, once: the start banner shows it, then it is forgotten. */
    public Optional<String> takeGeneratedPassword() {
        Optional<String> password = Optional.ofNullable(generatedPassword);
        generatedPassword = null;
        return password;
    }
}
