package dev.opsdeck.mail.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.mail.control.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Reads the mail settings at start, so that a wrong one stops the start naming its key instead of failing every tick. */
@ApplicationScoped
public class MailConfigurationCheck {

    @Inject
    Mail mail;

    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            mail.configured();
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
