package dev.opsdeck.monitoring.boundary;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;

/**
 * Names the API route a request matched (its {@code @Path} templates), for {@link HttpRequestMetrics}' route label;
 * ahead of the role check, so that a refused request is timed under its route too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RouteTemplate implements ContainerRequestFilter {

    static final String ATTRIBUTE = RouteTemplate.class.getName();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (resource.getResourceClass() != null) {
            request.setAttribute(ATTRIBUTE, join(request.getServletPath(), path(resource.getResourceClass()),
                    resource.getResourceMethod() == null ? "" : path(resource.getResourceMethod())));
        }
    }

    private static String path(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }

    static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                joined.append('/').append(trimmed);
            }
        }
        return joined.length() == 0 ? "/" : joined.toString();
    }
}
