package dev.opsdeck.tracing.boundary;

import dev.opsdeck.tracing.control.RequestRoutes;
import dev.opsdeck.tracing.entity.SpanAttributes;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.security.Principal;

/**
 * Names the API request's route by the matched resource method's template, on the request (for the access log) and on
 * the request's span, before any other filter may refuse it.
 */
@Provider
@Priority(1)
public class ResourceRoutes implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (resource.getResourceClass() == null || resource.getResourceMethod() == null) {
            return;
        }
        String route = RequestRoutes.join(request.getServletPath(), template(resource.getResourceClass()),
                template(resource.getResourceMethod()));
        request.setAttribute(RequestRoutes.ROUTE_ATTRIBUTE, route);
        // Payara's JAX-RS listener ends the current span when the response is written, before RequestTracing
        // gets it back: what the span is to carry is set now.
        Principal caller = request.getUserPrincipal();
        Span.current().updateName(context.getMethod() + " " + route)
                .setAttribute(SpanAttributes.HTTP_ROUTE, route)
                .setAttribute(SpanAttributes.CALLER, caller == null ? "-" : caller.getName());
    }

    private static String template(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? null : path.value();
    }
}
