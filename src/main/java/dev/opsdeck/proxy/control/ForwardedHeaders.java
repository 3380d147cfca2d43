package dev.opsdeck.proxy.control;

import dev.opsdeck.proxy.entity.RequestOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a request's origin from the forwarding headers, believed only when the direct peer is a trusted proxy.
 * The client is the rightmost hop that is not a trusted proxy: hops to its left were written by the client itself
 * and prove nothing. RFC 7239 {@code Forwarded} wins over the {@code X-Forwarded-*} headers when both are present;
 * values that are not well-formed are ignored and the direct request's value is kept.
 */
public final class ForwardedHeaders {

    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:(\\d{1,5}))?");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,64}");

    private ForwardedHeaders() {
    }

    /**
     * @param direct  the request as the connection shows it: the peer's address, the scheme, host and port it used
     * @param headers all values of a header by its name (none: an empty list)
     */
    public static RequestOrigin resolve(RequestOrigin direct, Function<String, List<String>> headers, TrustedProxies trusted) {
        if (!trusted.trusts(direct.clientAddress())) {
            return direct;
        }
        List<String> forwarded = headers.apply("Forwarded");
        if (!forwarded.isEmpty()) {
            return fromForwarded(direct, forwarded, trusted);
        }
        return fromXForwarded(direct, headers, trusted);
    }

    private static RequestOrigin fromXForwarded(RequestOrigin direct, Function<String, List<String>> headers,
                                                TrustedProxies trusted) {
        List<String> hops = list(headers.apply("X-Forwarded-For"));
        String client = direct.clientAddress();
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = node(hops.get(i));
            if (!trusted.trusts(client)) {
                break;
            }
        }
        String proto = last(list(headers.apply("X-Forwarded-Proto")));
        String host = last(list(headers.apply("X-Forwarded-Host")));
        String port = last(list(headers.apply("X-Forwarded-Port")));
        return external(direct, client, proto, host, port);
    }

    private static RequestOrigin fromForwarded(RequestOrigin direct, List<String> values, TrustedProxies trusted) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (String value : values) {
            for (String element : split(value, ',')) {
                elements.add(pairs(element));
            }
        }
        Map<String, String> chosen = Map.of();
        for (int i = elements.size() - 1; i >= 0; i--) {
            chosen = elements.get(i);
            String hop = chosen.get("for");
            if (hop == null || !trusted.trusts(node(hop))) {
                break;
            }
        }
        String client = chosen.containsKey("for") ? node(chosen.get("for")) : direct.clientAddress();
        return external(direct, client, chosen.get("proto"), chosen.get("host"), null);
    }

    private static RequestOrigin external(RequestOrigin direct, String client, String proto, String host, String port) {
        String scheme = proto != null && proto.matches("(?i)https?") ? proto.toLowerCase() : null;
        var hostMatch = host == null ? null : HOST.matcher(host);
        boolean hostValid = hostMatch != null && hostMatch.matches();
        if (scheme == null && !hostValid) {
            return new RequestOrigin(client, direct.scheme(), direct.host(), direct.port());
        }
        String externalScheme = scheme == null ? direct.scheme() : scheme;
        String externalHost = hostValid ? hostMatch.group(1) : direct.host();
        int externalPort = RequestOrigin.defaultPort(externalScheme);
        if (port != null && port.matches("\\d{1,5}")) {
            externalPort = Integer.parseInt(port);
        } else if (hostValid && hostMatch.group(3) != null) {
            externalPort = Integer.parseInt(hostMatch.group(3));
        }
        return new RequestOrigin(client, externalScheme, externalHost, externalPort);
    }

    /** A hop as an address: quotes, brackets and a port taken off; anything not a plain token becomes "unknown". */
    static String node(String hop) {
        String value = hop.trim();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close > 0 ? value.substring(1, close) : value;
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':'));
        }
        return TOKEN.matcher(value).matches() ? value : "unknown";
    }

    private static Map<String, String> pairs(String element) {
        Map<String, String> pairs = new HashMap<>();
        for (String pair : split(element, ';')) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                pairs.putIfAbsent(pair.substring(0, equals).trim().toLowerCase(), unquote(pair.substring(equals + 1).trim()));
            }
        }
        return pairs;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return value;
        }
        return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
    }

    /** Splits at {@code separator} outside quoted strings. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    private static List<String> list(List<String> values) {
        List<String> items = new ArrayList<>();
        for (String value : values) {
            items.addAll(split(value, ','));
        }
        return items;
    }

    private static String last(List<String> items) {
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }
}
