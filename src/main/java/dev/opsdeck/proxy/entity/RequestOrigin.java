package dev.opsdeck.proxy.entity;

import java.net.URI;

/** Who made a request and the scheme, host and port it was addressed to, as the client saw them. */
public record RequestOrigin(String clientAddress, String scheme, String host, int port) {

    public boolean secure() {
        return "https".equals(scheme);
    }

    /** {@code scheme://host[:port]}, the port left out when it is the scheme's default. */
    public String base() {
        boolean defaultPort = port == defaultPort(scheme) || port <= 0;
        String literal = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + literal + (defaultPort ? "" : ":" + port);
    }

    /** A redirect target made absolute against this origin: a path from the root, or relative to {@code requestUri}. */
    public String absolute(String location, String requestUri) {
        if (location.startsWith("//") || location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return location;
        }
        if (location.startsWith("/")) {
            return base() + location;
        }
        return URI.create(base() + requestUri).resolve(location).toString();
    }

    public static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
