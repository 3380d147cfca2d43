package dev.opsdeck.proxy.boundary;

import dev.opsdeck.proxy.entity.RequestOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Behind a trusted proxy, the application sees the request as the client made it: its address, and the external
 * scheme and host in every URL built from the request (JAX-RS base URIs such as {@code download_url}) and in
 * redirects, which the server would otherwise make absolute with its own scheme and host.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ForwardedRequests extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestOrigin origin = ExternalOrigin.of(request);
        if (origin.equals(new RequestOrigin(request.getRemoteAddr(), request.getScheme(), request.getServerName(),
                request.getServerPort()))) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new ExternalRequest(request, origin), new ExternalRedirects(response, origin, request.getRequestURI()));
    }

    private static final class ExternalRequest extends HttpServletRequestWrapper {

        private final RequestOrigin origin;

        ExternalRequest(HttpServletRequest request, RequestOrigin origin) {
            super(request);
            this.origin = origin;
        }

        @Override
        public String getRemoteAddr() {
            return origin.clientAddress();
        }

        @Override
        public String getRemoteHost() {
            return origin.clientAddress();
        }

        @Override
        public String getScheme() {
            return origin.scheme();
        }

        @Override
        public boolean isSecure() {
            return origin.secure();
        }

        @Override
        public String getServerName() {
            return origin.host();
        }

        @Override
        public int getServerPort() {
            return origin.port();
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(origin.base()).append(getRequestURI());
        }
    }

    private static final class ExternalRedirects extends HttpServletResponseWrapper {

        private final RequestOrigin origin;
        private final String requestUri;

        ExternalRedirects(HttpServletResponse response, RequestOrigin origin, String requestUri) {
            super(response);
            this.origin = origin;
            this.requestUri = requestUri;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(origin.absolute(location, requestUri));
        }
    }
}
