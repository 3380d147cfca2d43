package dev.opsdeck.security.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response carries. The policy forbids framing, plugins, foreign sources, inline scripts and eval.
 * Console pages (Faces views) get the same policy with inline scripts allowed, because PrimeFaces adds a second
 * policy whose script-src allows only its per-response nonce and a browser enforces both: there, the nonce'd
 * blocks pass and nothing else inline does. Over TLS, HSTS.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    private static final String REST = "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String POLICY = "default-src 'self'; script-src 'self'; " + REST;
    static final String FACES_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; " + REST;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        boolean facesView = path.isEmpty() || path.endsWith("/") || path.endsWith(".xhtml");
        response.setHeader("Content-Security-Policy", facesView ? FACES_POLICY : POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
