package dev.opsdeck.logging.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per API or console request, in the server's log format: the readable message for a person, and the fields
 * (method, route, path, status, duration, caller) as JSON fields beside the {@code trace_id} of the request's span.
 */
public final class AccessLog {

    public static final String LOGGER = "opsdeck.access";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    /** One request as the access log shows it; {@code caller} is {@code -} for a request without a signed-in caller. */
    public record Entry(String method, String route, String path, int status, Duration duration, String caller) {
    }

    private AccessLog() {
    }

    /**
     * The access logger itself, to be given its handler: the log manager holds loggers weakly, so one configured
     * through a fresh {@code Logger.getLogger} could be collected and silently replaced before the first request.
     */
    public static Logger logger() {
        return LOG;
    }

    public static void log(Entry entry) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        LogRecord record = new LogRecord(Level.INFO, message(entry));
        record.setLoggerName(LOGGER);
        record.setParameters(new Object[]{fields(entry)});
        // the line is formatted on another thread (BackgroundLines), where this span is not current
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            TraceFields.withTrace(record, span.getTraceId(), span.getSpanId());
        }
        LOG.log(record);
    }

    static String message(Entry entry) {
        return "%s %s %d %s ms %s".formatted(entry.method(), entry.route(), entry.status(), millis(entry.duration()), entry.caller());
    }

    static Map<String, String> fields(Entry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("http_method", entry.method());
        fields.put("http_route", entry.route());
        fields.put("http_path", entry.path());
        fields.put("http_status", String.valueOf(entry.status()));
        fields.put("duration_ms", millis(entry.duration()));
        fields.put("caller", entry.caller());
        return fields;
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1_000_000.0);
    }
}
