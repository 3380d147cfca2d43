package dev.opsdeck.notifications.boundary;

import dev.opsdeck.notifications.control.NotificationCheck;
import dev.opsdeck.notifications.control.Notifications;
import dev.opsdeck.process.control.ServedRoles;
import dev.opsdeck.process.entity.InstanceRole;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every instance with the scheduler role ticks every 15 seconds; the check row's lock and due time make one instance
 * check per {@code notifications.check-interval} across the fleet. Bean-managed, so that the container starts no
 * transaction around the timer: the check commits its own.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class NotificationScheduling {

    private static final Logger LOG = Logger.getLogger(NotificationScheduling.class.getName());

    @Inject
    Notifications notifications;

    @Inject
    ServedRoles served;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void tick() {
        if (!served.has(InstanceRole.SCHEDULER) || !notifications.mailConfigured()) {
            return;
        }
        try {
            NotificationCheck.Outcome outcome = notifications.check();
            if (outcome.digests() > 0) {
                LOG.info(() -> "Notifications: " + outcome.digests() + " digests queued (" + outcome.fired() + " fired, "
                        + outcome.stillFiring() + " still firing, " + outcome.resolved() + " resolved)");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Notification check failed; the next tick tries again", e);
        }
    }
}
