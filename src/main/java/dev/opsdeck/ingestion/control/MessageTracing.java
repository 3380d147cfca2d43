package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.tracing.entity.SpanAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Collections;
import java.util.List;

/** Continues the trace a message's W3C traceparent names: the work for an event becomes a span of that trace. */
public final class MessageTracing {

    private static final TextMapGetter<Message> PROPERTIES = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Message message) {
            try {
                return Collections.list(message.getPropertyNames()).stream().map(Object::toString).toList();
            } catch (JMSException e) {
                return List.of();
            }
        }

        @Override
        public String get(Message message, String key) {
            try {
                return message == null ? null : message.getStringProperty(key);
            } catch (JMSException | RuntimeException e) {
                return null;
            }
        }
    };

    private MessageTracing() {
    }

    public static void traced(Tracer tracer, Stream stream, String destination, Message message, Runnable work) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), message, PROPERTIES);
        Span span = tracer.spanBuilder(destination + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SpanAttributes.MESSAGING_SYSTEM, "activemq")
                .setAttribute(SpanAttributes.MESSAGING_DESTINATION, destination)
                .setAttribute(SpanAttributes.STREAM, stream.label())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
