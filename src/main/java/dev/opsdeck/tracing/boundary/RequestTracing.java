package dev.opsdeck.tracing.boundary;

import dev.opsdeck.logging.control.AccessLog;
import dev.opsdeck.tracing.control.ApplicationTracer;
import dev.opsdeck.tracing.control.RequestRoutes;
import dev.opsdeck.tracing.entity.SpanAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Collections;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every API and console request runs in a server span, continuing the caller's W3C {@code traceparent} when it sends
 * one, and ends with one access log line written inside that span. Mapped first in web.xml, so that it wraps the
 * other filters. Health, metrics, OpenAPI and static resources are neither traced nor logged.
 */
public class RequestTracing extends HttpFilter {

    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String name) {
            return request == null ? null : request.getHeader(name);
        }
    };

    @Inject
    ApplicationTracer tracing;

    @Inject
    @ConfigProperty(name = "log.access", defaultValue = "true")
    boolean accessLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestRoutes.path(request.getServletPath(), request.getPathInfo());
        if (!RequestRoutes.traced(path)) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        String method = request.getMethod();
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), request, HEADERS);
        Span span = tracing.tracer().spanBuilder(method + " " + RequestRoutes.unmatched(request.getServletPath(), request.getPathInfo()))
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(SpanAttributes.HTTP_METHOD, method)
                .setAttribute(SpanAttributes.HTTP_TARGET, request.getRequestURI())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            boolean failed = true;
            try {
                chain.doFilter(request, response);
                failed = false;
            } catch (IOException | ServletException | RuntimeException e) {
                span.recordException(e);
                throw e;
            } finally {
                finish(span, request, failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(), path,
                        Duration.ofNanos(System.nanoTime() - started));
            }
        } finally {
            span.end();
        }
    }

    private void finish(Span span, HttpServletRequest request, int status, String path, Duration duration) {
        String route = RequestRoutes.route(request);
        Principal principal = request.getUserPrincipal();
        String caller = principal == null ? "-" : principal.getName();
        span.updateName(request.getMethod() + " " + route);
        span.setAttribute(SpanAttributes.HTTP_ROUTE, route);
        span.setAttribute(SpanAttributes.HTTP_STATUS, status);
        span.setAttribute(SpanAttributes.CALLER, caller);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        if (accessLog) {
            AccessLog.log(new AccessLog.Entry(request.getMethod(), route, path, status, duration, caller));
        }
    }
}
