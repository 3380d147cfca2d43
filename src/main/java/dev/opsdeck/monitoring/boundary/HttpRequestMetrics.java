package dev.opsdeck.monitoring.boundary;

import dev.opsdeck.monitoring.control.Timers;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Times every console and API request into one histogram labelled by method, route template and status class.
 * The route is the API's {@code @Path} template, a console view's id, or a fixed word, never a raw path, so that
 * ids in URLs cannot multiply the series.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HttpRequestMetrics extends HttpFilter {

    static final Metadata DURATION = Metadata.builder().withName("opsdeck.http.server.request.duration")
            .withDescription("Time to serve a console or API request, by method, route template and status class")
            .withUnit(MetricUnits.SECONDS).build();
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Inject
    MetricRegistry registry;

    /** The timer of each method, route and status class, found once: the registry's own lookup builds ids and checks metadata. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(request, response, started));
            } else {
                record(request, failed ? 500 : response.getStatus(), started);
            }
        }
    }

    private void record(HttpServletRequest request, int status, long started) {
        String method = method(request);
        String route = route(request, status);
        String statusClass = status / 100 + "xx";
        timers.computeIfAbsent(method + ' ' + route + ' ' + statusClass, key -> Timers.timer(registry, DURATION,
                        new Tag("method", method), new Tag("route", route), new Tag("status_class", statusClass)))
                .update(Duration.ofNanos(System.nanoTime() - started));
    }

    static String method(HttpServletRequest request) {
        return METHODS.contains(request.getMethod()) ? request.getMethod() : "other";
    }

    static String route(HttpServletRequest request, int status) {
        Object template = request.getAttribute(RouteTemplate.ATTRIBUTE);
        if (template != null) {
            return template.toString();
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (status == 404) {
            return "unmatched";
        }
        if (path.startsWith("/jakarta.faces.resource/")) {
            return "/jakarta.faces.resource/*";
        }
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        if (path.endsWith(".xhtml")) {
            return path;
        }
        if (path.startsWith("/api/")) {
            return "/api/*";
        }
        return "other";
    }

    private final class Completion implements AsyncListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final long started;

        Completion(HttpServletRequest request, HttpServletResponse response, long started) {
            this.request = request;
            this.response = response;
            this.started = started;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(request, response.getStatus(), started);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
