package dev.opsdeck.commands.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/** The actions' own settings (four eyes, confirmation timeout), checked once when the application starts. */
@ApplicationScoped
public class CommandSettings {

    void checkConfigurationAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            var config = ConfigProvider.getConfig();
            FourEyes.parse(config.getOptionalValue(FourEyes.KEY, String.class));
            ConfirmationTimeout.parse(config.getOptionalValue(ConfirmationTimeout.KEY, String.class).orElse("PT10M"));
        } catch (InvalidConfigurationException e) {
            throw StartupFailure.stop(e);
        }
    }
}
