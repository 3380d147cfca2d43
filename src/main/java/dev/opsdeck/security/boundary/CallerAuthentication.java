package dev.opsdeck.security.boundary;

import dev.opsdeck.api.boundary.ApiError;
import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.proxy.boundary.ExternalOrigin;
import dev.opsdeck.process.control.ServedRoles;
import dev.opsdeck.security.control.ApiCredentials;
import dev.opsdeck.security.control.ConsoleLogin;
import dev.opsdeck.security.control.LoginResult;
import dev.opsdeck.security.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's one authentication mechanism (Jakarta Security allows one): requests under /api carry a
 * bearer credential; console pages use a session opened by the login page, whose user is looked up again on
 * every request so that disabling a user, changing a role or changing the password (which ends the user's other
 * sessions) takes effect at once.
 */
@ApplicationScoped
public class CallerAuthentication implements HttpAuthenticationMechanism {

    static final String API_SERVLET_PATH = "/api";
    /** Set on a request authenticated by a bearer credential; the API refuses every request without it. */
    public static final String BEARER_AUTHENTICATED = "opsdeck.bearer-authenticated";
    static final String LOGIN_PAGE = "/login.xhtml";
    static final String SIGNED_IN = "opsdeck.signed-in-user";
    static final String SIGNED_IN_AT = "opsdeck.signed-in-at";
    private static final String BEARER = "Bearer ";

    @Inject
    ApiCredentials credentials;

    @Inject
    ConsoleLogin login;

    @Inject
    ServedRoles served;

    @Inject
    @ConfigProperty(name = "console.session.timeout.minutes", defaultValue = "30")
    int sessionTimeoutMinutes;

    void checkConfigurationAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        credentials.authenticate("");
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!served.serves(request.getServletPath())) {
            return NotServed.answer(response, served.roles());
        }
        if (isApi(request)) {
            return bearer(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential) {
            return signIn(request, context, (UsernamePasswordCredential) credential);
        }
        Optional<Caller> caller = sessionCaller(request);
        if (caller.isPresent()) {
            return context.notifyContainerAboutLogin(caller.get().name(), caller.get().roles());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return toLoginPage(request, response, context);
    }

    /**
     * Decided on the servlet path the container matched after decoding and normalising the URI, so that
     * {@code /api;x/...}, {@code //api/...} or {@code /%61pi/...} are API requests like {@code /api/...}.
     */
    static boolean isApi(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        return servletPath.equals(API_SERVLET_PATH) || servletPath.startsWith(API_SERVLET_PATH + "/");
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        UsernamePasswordCredential credential) {
        LoginResult result = login.attempt(credential.getCaller(), credential.getPasswordAsString(), ClientAddress.of(request));
        if (!result.succeeded()) {
            request.setAttribute(LoginMessages.ATTRIBUTE, result.message());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(sessionTimeoutMinutes * 60);
        session.setAttribute(SIGNED_IN, result.userId());
        session.setAttribute(SIGNED_IN_AT, login.now());
        Caller caller = result.caller().orElseThrow();
        return context.notifyContainerAboutLogin(caller.name(), caller.roles());
    }

    private Optional<Caller> sessionCaller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object userId = session == null ? null : session.getAttribute(SIGNED_IN);
        if (!(userId instanceof Long)) {
            return Optional.empty();
        }
        Object signedInAt = session.getAttribute(SIGNED_IN_AT);
        Optional<Caller> caller = signedInAt instanceof Instant at ? login.current((Long) userId, at) : Optional.empty();
        if (caller.isEmpty()) {
            session.invalidate();
        }
        return caller;
    }

    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        String loginPage = request.getContextPath() + LOGIN_PAGE;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // an Ajax postback (a poll, a button) of a page whose session this instance does not know: back to that page after login
            String page = request.getRequestURI().substring(request.getContextPath().length());
            String target = page.endsWith(".xhtml") && !page.equals(LOGIN_PAGE)
                    ? loginPage + "?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8) : loginPage;
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + target.replace("&", "&amp;") + "\"></redirect></partial-response>");
                response.flushBuffer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        String wanted = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        boolean home = wanted.equals("/") || wanted.isEmpty();
        // absolute against the external origin: the server would make it absolute with its own scheme and host
        return context.redirect(ExternalOrigin.of(request).absolute(loginPage
                + (home ? "" : "?next=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8)), request.getRequestURI()));
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(response, "Authorization: Bearer <service token or JWT> is required");
        }
        Optional<Caller> caller = credentials.authenticate(header.substring(BEARER.length()).trim());
        if (caller.isEmpty()) {
            return refuse(response, "The bearer credential is not a valid service token or JWT");
        }
        request.setAttribute(BEARER_AUTHENTICATED, Boolean.TRUE);
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
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
