package dev.opsdeck.logging.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.logging.control.AccessLog;
import dev.opsdeck.logging.control.BackgroundLines;
import dev.opsdeck.logging.control.JsonLines;
import dev.opsdeck.logging.control.PlainLines;
import dev.opsdeck.logging.control.TraceFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server logs JSON lines from its first line on (server-config/logging.properties). Once the application starts,
 * the console switches to {@link PlainLines} when {@code log.format=plain}, or, with {@code log.format} unset, when
 * standard input and output are a terminal: a person reads that, while containers and CI keep JSON. Either way each
 * line written inside a span gets that span's trace and span ids ({@link TraceFields}).
 */
@ApplicationScoped
public class LogFormat {

    static final String KEY = "log.format";
    static final String JSON = "json";
    static final String PLAIN = "plain";

    @Inject
    @ConfigProperty(name = KEY)
    Optional<String> configured;

    void apply(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String format;
        try {
            format = decide(configured, System.console() != null);
        } catch (InvalidConfigurationException e) {
            throw StartupFailure.stop(e);
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                Formatter lines = format.equals(PLAIN) ? new PlainLines() : withoutTraceFields(handler.getFormatter());
                handler.setFormatter(new TraceFields(lines));
                Formatter json = new JsonLines();
                accessLinesInTheBackground(format.equals(PLAIN) ? handler::getFormatter : () -> json);
            }
        }
    }

    /** Access lines go to the same standard error in the same format, written by a thread of their own. */
    private static void accessLinesInTheBackground(Supplier<Formatter> lines) {
        Logger access = AccessLog.logger();
        for (Handler earlier : access.getHandlers()) {
            access.removeHandler(earlier);
            earlier.close();
        }
        access.addHandler(new BackgroundLines(lines, new FileOutputStream(FileDescriptor.err), 16_384));
        access.setUseParentHandlers(false);
    }

    /** The server's own formatter, also when an earlier deployment of the application already wrapped it. */
    private static Formatter withoutTraceFields(Formatter formatter) {
        Formatter lines = formatter;
        while (lines != null && lines.getClass().getName().equals(TraceFields.class.getName())) {
            try {
                lines = (Formatter) lines.getClass().getMethod("lines").invoke(lines);
            } catch (ReflectiveOperationException e) {
                return formatter;
            }
        }
        return lines;
    }

    /** {@code log.format} when set; else plain at a terminal, JSON anywhere else. */
    static String decide(Optional<String> configured, boolean terminal) {
        if (configured.isEmpty() || configured.get().isBlank()) {
            return terminal ? PLAIN : JSON;
        }
        String format = configured.get().trim().toLowerCase(Locale.ROOT);
        if (!format.equals(JSON) && !format.equals(PLAIN)) {
            throw new InvalidConfigurationException(KEY + " (LOG_FORMAT)", "must be json or plain, was " + configured.get());
        }
        return format;
    }
}
