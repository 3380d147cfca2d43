package dev.opsdeck.security.boundary;

import dev.opsdeck.api.boundary.ApiError;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/**
 * Enforces {@link Permitted} (the rule shared with the console) or else {@link RolesAllowed} on API resources on the server; a resource without it is refused to
 * everyone, so a forgotten annotation fails closed. A caller not authenticated by a bearer credential (a console
 * session, whatever path variant brought it here) is refused as well.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security.getUserPrincipal() == null || http.getAttribute(CallerAuthentication.BEARER_AUTHENTICATED) != Boolean.TRUE) {
            request.abortWith(ApiError.unauthorized("Authorization: Bearer <service token or JWT> is required")
                    .toResponse(Response.Status.UNAUTHORIZED));
            return;
        }
        Permitted permitted = resource.getResourceMethod().getAnnotation(Permitted.class);
        if (permitted != null) {
            if (!permitted.value().allows(security::isUserInRole)) {
                request.abortWith(ApiError.forbidden(security.getUserPrincipal().getName() + ": " + permitted.value().refusal())
                        .toResponse(Response.Status.FORBIDDEN));
            }
            return;
        }
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        String[] roles = allowed == null ? new String[0] : allowed.value();
        if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
            request.abortWith(ApiError.forbidden(security.getUserPrincipal().getName()
                    + " lacks the role for this call; allowed: " + String.join(", ", roles))
                    .toResponse(Response.Status.FORBIDDEN));
        }
    }
}
