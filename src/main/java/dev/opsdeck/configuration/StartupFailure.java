package dev.opsdeck.configuration;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stops the process when Opsdeck cannot start, with one line saying why: an application server that
 * stays up without its application would only fail its probes, and the cause would be lost in the logs.
 */
public final class StartupFailure {

    static final int EXIT_CONFIGURATION = 78;
    private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

    private StartupFailure() {
    }

    public static RuntimeException stop(RuntimeException cause) {
        LOG.log(Level.SEVERE, "Opsdeck cannot start: {0}", cause.getMessage());
        if (!Boolean.getBoolean("opsdeck.keep.running.on.startup.failure")) {
            Thread exit = new Thread(() -> System.exit(EXIT_CONFIGURATION), "opsdeck-startup-failure");
            exit.setDaemon(false);
            exit.start();
        }
        return cause;
    }
}
