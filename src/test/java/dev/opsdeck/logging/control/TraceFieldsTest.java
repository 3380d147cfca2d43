package dev.opsdeck.logging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class TraceFieldsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    /** Writes what the JSON formatter makes fields of: the map parameters. */
    private final Formatter maps = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getParameters() == null ? "-" : Arrays.toString(record.getParameters());
        }
    };

    @Test
    void aLineWrittenInsideASpanGetsItsTraceAndSpanIdBesideItsOwnContext() {
        LogRecord record = new LogRecord(Level.WARNING, "Dead-lettered: malformed");
        record.setParameters(new Object[]{Map.of("stream", "payments")});
        Span span = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()));
        String line;
        try (Scope scope = span.makeCurrent()) {
            line = new TraceFields(maps).format(record);
        }
        assertEquals(2, record.getParameters().length, line);
        assertEquals(Map.of("stream", "payments"), record.getParameters()[0]);
        assertEquals(Map.of("trace_id", TRACE, "span_id", SPAN), record.getParameters()[1]);
    }

    @Test
    void aLineOutsideAnySpanIsLeftAsItIs() {
        LogRecord record = new LogRecord(Level.INFO, "Ingestion ready");
        assertEquals("-", new TraceFields(maps).format(record));
    }
}
