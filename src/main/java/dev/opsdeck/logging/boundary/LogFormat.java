package dev.opsdeck.logging.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server logs JSON lines from its first line on (server-config/logging.properties); {@code log.format=plain}
 * switches the console to one readable line per record once the application has started.
 */
@ApplicationScoped
public class LogFormat {

    static final String KEY = "log.format";

    @Inject
    @ConfigProperty(name = KEY, defaultValue = "json")
    String format;

    void apply(@Observes @Initialized(ApplicationScoped.class) Object started) {
        switch (format) {
            case "json" -> { }
            case "plain" -> usePlainText();
            default -> throw StartupFailure.stop(new InvalidConfigurationException(KEY + " (LOG_FORMAT)",
                    "must be json or plain, was " + format));
        }
    }

    private static void usePlainText() {
        SimpleFormatter plain = new SimpleFormatter() {
            @Override
            public String format(LogRecord record) {
                return String.format("%1$tFT%1$tT.%1$tLZ %2$-7s %3$s - %4$s%n%5$s",
                        record.getInstant().atZone(java.time.ZoneOffset.UTC), record.getLevel(),
                        record.getLoggerName(), formatMessage(record),
                        record.getThrown() == null ? "" : stackTrace(record.getThrown()));
            }
        };
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                handler.setFormatter(plain);
            }
        }
    }

    private static String stackTrace(Throwable thrown) {
        var out = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
