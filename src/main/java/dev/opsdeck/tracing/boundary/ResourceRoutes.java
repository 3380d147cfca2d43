package dev.opsdeck.tracing.boundary;

import dev.opsdeck.tracing.control.RequestRoutes;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;

/** Names the API request's route by the matched resource method's template, before any other filter may refuse it. */
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
        request.setAttribute(RequestRoutes.ROUTE_ATTRIBUTE, RequestRoutes.join(request.getServletPath(),
                template(resource.getResourceClass()), template(resource.getResourceMethod())));
    }

    private static String template(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? null : path.value();
    }
}
