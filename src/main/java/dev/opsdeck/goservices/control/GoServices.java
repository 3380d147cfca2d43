package dev.opsdeck.goservices.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/** The Go services' settings, read and checked once when the application starts. */
@ApplicationScoped
public class GoServices {

    private static final Logger LOG = Logger.getLogger(GoServices.class.getName());

    private volatile ServiceSettings settings;

    void checkConfigurationAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ServiceSettings current = settings();
        for (ServiceEndpoint endpoint : new ServiceEndpoint[]{current.payments(), current.accounts()}) {
            LOG.info(() -> "Actions: " + endpoint + (endpoint.configured() ? ""
                    : "; its actions fail as not sent until " + endpoint.service() + ".service.url is set"));
        }
    }

    public ServiceSettings settings() {
        if (settings == null) {
            try {
                settings = ServiceSettings.resolve(ConfigProvider.getConfig());
            } catch (InvalidConfigurationException e) {
                throw StartupFailure.stop(e);
            }
        }
        return settings;
    }
}
