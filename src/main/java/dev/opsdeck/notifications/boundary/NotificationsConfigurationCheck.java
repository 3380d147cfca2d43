package dev.opsdeck.notifications.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.notifications.control.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Reads the notification settings at start, so that a wrong duration stops the start naming its key instead of failing every tick. */
@ApplicationScoped
public class NotificationsConfigurationCheck {

    @Inject
    Notifications notifications;

    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            notifications.quietPeriod();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidConfigurationException invalid) {
                    throw StartupFailure.stop(invalid);
                }
            }
            throw e;
        }
    }
}
