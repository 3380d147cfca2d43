package dev.opsdeck.tracing.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The route of a request, the path with templates for its variable parts, as spans and the access log name it: the
 * JAX-RS resource's template for the API (set by the resource filter once it matched), the servlet path for the
 * console, whose pages take their ids in the query string.
 */
public final class RequestRoutes {

    public static final String ROUTE_ATTRIBUTE = "opsdeck.tracing.route";

    private static final List<String> UNTRACED_PREFIXES = List.of("/health", "/metrics", "/openapi", "/api-docs",
            "/jakarta.faces.resource", "/javax.faces.resource", "/resources/", "/favicon.ico");

    private RequestRoutes() {
    }

    public static String path(String servletPath, String pathInfo) {
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    public static boolean traced(String path) {
        return UNTRACED_PREFIXES.stream().noneMatch(path::startsWith);
    }

    /** Before or without a match: the servlet path, with {@code /*} for the part a servlet resolves itself. */
    public static String unmatched(String servletPath, String pathInfo) {
        String base = servletPath == null || servletPath.isEmpty() ? "" : servletPath;
        if (pathInfo == null) {
            return base.isEmpty() ? "/" : base;
        }
        return base + "/*";
    }

    public static String route(HttpServletRequest request) {
        Object matched = request.getAttribute(ROUTE_ATTRIBUTE);
        return matched instanceof String route ? route : unmatched(request.getServletPath(), request.getPathInfo());
    }

    /** The segments joined with single slashes: {@code ("/api", "v1/payments", "{id}")} is {@code /api/v1/payments/{id}}. */
    public static String join(String... segments) {
        StringBuilder route = new StringBuilder();
        for (String segment : segments) {
            if (segment == null) {
                continue;
            }
            for (String part : segment.split("/")) {
                if (!part.isEmpty()) {
                    route.append('/').append(part);
                }
            }
        }
        return route.isEmpty() ? "/" : route.toString();
    }
}
