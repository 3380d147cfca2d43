package dev.opsdeck.logging.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Adds the {@code trace_id} and {@code span_id} of the span current where a line is written to that line, as the
 * JSON formatter writes a record's map parameter as fields. It relies on the console handler formatting on the
 * logging thread, which {@link java.util.logging.StreamHandler} does.
 */
public class TraceFields extends Formatter {

    private final Formatter lines;

    public TraceFields(Formatter lines) {
        this.lines = lines;
    }

    public Formatter lines() {
        return lines;
    }

    @Override
    public String format(LogRecord record) {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid() && !hasTrace(record)) {
            withTrace(record, span.getTraceId(), span.getSpanId());
        }
        return lines.format(record);
    }

    @Override
    public String getHead(java.util.logging.Handler handler) {
        return lines.getHead(handler);
    }

    @Override
    public String getTail(java.util.logging.Handler handler) {
        return lines.getTail(handler);
    }

    /** Whether the record already names its span (AccessLog adds the ids on the request's thread). */
    private static boolean hasTrace(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters != null && Arrays.stream(parameters).anyMatch(p -> p instanceof Map<?, ?> fields && fields.containsKey("span_id"));
    }

    /** Adds the trace and span ids to a record as fields, for a record formatted away from its span. */
    public static void withTrace(LogRecord record, String traceId, String spanId) {
        Object[] parameters = record.getParameters();
        Object[] amended = parameters == null ? new Object[1] : Arrays.copyOf(parameters, parameters.length + 1);
        amended[amended.length - 1] = Map.of("trace_id", traceId, "span_id", spanId);
        record.setParameters(amended);
    }
}
