package dev.opsdeck.tracing.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/** Runs a piece of work as the current span, ending it however the work ends and marking it failed when it throws. */
public final class Spans {

    /** Work that answers a value and may throw one kind of checked exception. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T call() throws E;
    }

    /** Work that answers nothing. */
    @FunctionalInterface
    public interface Action<E extends Exception> {
        void run() throws E;
    }

    private Spans() {
    }

    public static <T, E extends Exception> T inSpan(SpanBuilder builder, Work<T, E> work) throws E {
        Span span = builder.startSpan();
        try (Scope scope = span.makeCurrent()) {
            return work.call();
        } catch (Throwable failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            throw failure;
        } finally {
            span.end();
        }
    }

    public static <E extends Exception> void inSpan(SpanBuilder builder, Action<E> action) throws E {
        inSpan(builder, () -> {
            action.run();
            return null;
        });
    }
}
