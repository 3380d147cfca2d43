package dev.opsdeck.security.boundary;

import dev.opsdeck.api.boundary.ApiError;
import dev.opsdeck.security.control.ApiCredentials;
import dev.opsdeck.security.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Authenticates every request under /api by its bearer credential; nothing under /api is anonymous. */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/";
    private static final String BEARER = "Bearer ";

    @Inject
    ApiCredentials credentials;

    void checkConfigurationAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        credentials.authenticate("");
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API_PATH)) {
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(response, "Authorization: Bearer <service token or JWT> is required");
        }
        Optional<Caller> caller = credentials.authenticate(header.substring(BEARER.length()).trim());
        if (caller.isEmpty()) {
            return refuse(response, "The bearer credential is not a valid service token or JWT");
        }
        return context.notifyContainerAboutLogin(caller.get().name(), caller.get().roles());
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"opsdeck\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ApiError.unauthorized(message).toJson());
            response.flushBuffer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
