package dev.opsdeck.notifications.control;

import dev.opsdeck.ingestion.control.Fleet;
import dev.opsdeck.ingestion.control.StreamAlarms;
import dev.opsdeck.mail.control.Mail;
import dev.opsdeck.notifications.entity.ConditionState;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The notifications component built from its configuration: the rules, the conditions' states and the fleet's check. */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    static final String QUIET_PERIOD = "notifications.quiet-period";
    static final String CHECK_INTERVAL = "notifications.check-interval";

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Mail mail;

    @Inject
    StreamAlarms streamAlarms;

    @Inject
    Fleet fleet;

    @Inject
    @ConfigProperty(name = QUIET_PERIOD, defaultValue = "PT1H")
    String quietPeriod;

    @Inject
    @ConfigProperty(name = CHECK_INTERVAL, defaultValue = "PT1M")
    String checkInterval;

    private Duration quiet;
    private Duration interval;
    private NotificationRules rules;
    private NotificationCheck check;

    @PostConstruct
    void build() {
        quiet = Durations.parse(QUIET_PERIOD, quietPeriod);
        interval = Durations.parse(CHECK_INTERVAL, checkInterval);
        rules = new NotificationRules(dataSource);
        check = new NotificationCheck(dataSource, mail, new NotificationFacts(dataSource, streamAlarms::current),
                Clock.systemUTC(), quiet, interval, fleet.instanceName());
        LOG.info(() -> "Notifications: checked every " + Durations.words(interval) + " across the fleet, quiet period "
                + Durations.words(quiet) + (mail.configured() ? "" : "; mail is not configured, so nothing is checked or sent"));
    }

    public NotificationRules rules() {
        return rules;
    }

    public NotificationCheck.Outcome check() throws SQLException {
        return check.run();
    }

    public List<ConditionState> conditions() throws SQLException {
        return ConditionStore.list(dataSource, 500);
    }

    public Optional<NotificationCheck.LastCheck> lastCheck() throws SQLException {
        return NotificationCheck.last(dataSource);
    }

    public boolean mailConfigured() {
        return mail.configured();
    }

    public Duration quietPeriod() {
        return quiet;
    }

    public Duration checkInterval() {
        return interval;
    }

    public Clock clock() {
        return mail.clock();
    }
}
