package dev.opsdeck.tracing.control;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The application's tracer from MicroProfile Telemetry, resolved once; a no-op one where the runtime offers none, so
 * that code using it runs the same with tracing off.
 */
@ApplicationScoped
public class ApplicationTracer {

    @Inject
    Instance<Tracer> tracers;

    private Tracer tracer;

    @PostConstruct
    void resolve() {
        tracer = tracers.isResolvable() ? tracers.get() : OpenTelemetry.noop().getTracer("opsdeck");
    }

    public Tracer tracer() {
        return tracer;
    }

    public SpanBuilder span(String name) {
        return tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL);
    }
}
