package dev.opsdeck.proxy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsdeck.proxy.entity.RequestOrigin;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8");
    private static final RequestOrigin FROM_PROXY = new RequestOrigin("10.1.1.1", "http", "opsdeck", 8080);

    private static RequestOrigin resolve(RequestOrigin direct, Map<String, List<String>> headers) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return ForwardedHeaders.resolve(direct, name -> byName.getOrDefault(name, List.of()), PROXIES);
    }

    @Test
    void headersFromAnUntrustedPeerAreIgnored() {
        RequestOrigin direct = new RequestOrigin("203.0.113.7", "http", "opsdeck", 8080);
        RequestOrigin origin = resolve(direct, Map.of("X-Forwarded-For", List.of("198.51.100.1"),
                "X-Forwarded-Proto", List.of("https"), "X-Forwarded-Host", List.of("evil.example"),
                "Forwarded", List.of("for=198.51.100.1;proto=https;host=evil.example")));
        assertEquals(direct, origin);
    }

    @Test
    void aTrustedPeerWithoutHeadersKeepsTheDirectOrigin() {
        assertEquals(FROM_PROXY, resolve(FROM_PROXY, Map.of()));
    }

    @Test
    void theClientIsTheRightmostHopThatIsNotATrustedProxy() {
        RequestOrigin origin = resolve(FROM_PROXY, Map.of("X-Forwarded-For",
                List.of("1.2.3.4, 198.51.100.23", "10.2.2.2")));
        assertEquals("198.51.100.23", origin.clientAddress());
        assertEquals("http://opsdeck:8080", origin.base());
    }

    @Test
    void aChainOfOnlyTrustedHopsGivesTheLeftmost() {
        assertEquals("10.9.9.9", resolve(FROM_PROXY, Map.of("X-Forwarded-For", List.of("10.9.9.9, 10.2.2.2"))).clientAddress());
    }

    @Test
    void forwardedSchemeAndHostMakeTheExternalBase() {
        RequestOrigin origin = resolve(FROM_PROXY, Map.of("X-Forwarded-For", List.of("198.51.100.23"),
                "X-Forwarded-Proto", List.of("https"), "X-Forwarded-Host", List.of("ops.example.com")));
        assertEquals(new RequestOrigin("198.51.100.23", "https", "ops.example.com", 443), origin);
        assertEquals("https://ops.example.com", origin.base());
    }

    @Test
    void theForwardedPortOrTheHostsPortIsKept() {
        assertEquals("https://ops.example.com:8443", resolve(FROM_PROXY, Map.of("X-Forwarded-Proto", List.of("https"),
                "X-Forwarded-Host", List.of("ops.example.com"), "X-Forwarded-Port", List.of("8443"))).base());
        assertEquals("http://ops.example.com:8000", resolve(FROM_PROXY,
                Map.of("X-Forwarded-Host", List.of("ops.example.com:8000"))).base());
    }

    @Test
    void malformedValuesAreIgnored() {
        RequestOrigin origin = resolve(FROM_PROXY, Map.of("X-Forwarded-Proto", List.of("javascript"),
                "X-Forwarded-Host", List.of("ops.example.com/evil\r\nSet-Cookie: x")));
        assertEquals("http://opsdeck:8080", origin.base());
        assertEquals("unknown", resolve(FROM_PROXY, Map.of("X-Forwarded-For", List.of("<script>"))).clientAddress());
    }

    @Test
    void portsAndBracketsAreTakenOffHops() {
        assertEquals("198.51.100.23", resolve(FROM_PROXY, Map.of("X-Forwarded-For", List.of("198.51.100.23:5123"))).clientAddress());
        assertEquals("2001:db8::17", resolve(FROM_PROXY, Map.of("X-Forwarded-For", List.of("[2001:db8::17]:4711"))).clientAddress());
        assertEquals("2001:db8::17", resolve(FROM_PROXY, Map.of("X-Forwarded-For", List.of("2001:db8::17"))).clientAddress());
    }

    @Test
    void rfc7239ForwardedGivesClientSchemeAndHostOfTheClientsHop() {
        RequestOrigin origin = resolve(FROM_PROXY, Map.of("Forwarded", List.of(
                "for=1.2.3.4;proto=http;host=spoofed.example, for=\"[2001:db8:cafe::17]:4711\";proto=https;host=ops.example.com",
                "For=10.2.2.2;Proto=http;Host=opsdeck-internal")));
        assertEquals(new RequestOrigin("2001:db8:cafe::17", "https", "ops.example.com", 443), origin);
    }

    @Test
    void forwardedWinsOverXForwardedHeaders() {
        RequestOrigin origin = resolve(FROM_PROXY, Map.of("Forwarded", List.of("for=198.51.100.1;proto=https;host=\"ops.example.com:9443\""),
                "X-Forwarded-For", List.of("198.51.100.99"), "X-Forwarded-Host", List.of("other.example")));
        assertEquals(new RequestOrigin("198.51.100.1", "https", "ops.example.com", 9443), origin);
    }

    @Test
    void obfuscatedIdentifiersAreRecordedAsGiven() {
        assertEquals("_hidden", resolve(FROM_PROXY, Map.of("Forwarded", List.of("for=_hidden"))).clientAddress());
        assertEquals("unknown", resolve(FROM_PROXY, Map.of("Forwarded", List.of("for=unknown;proto=https"))).clientAddress());
    }

    @Test
    void redirectsAreMadeAbsoluteAgainstTheExternalOrigin() {
        RequestOrigin origin = new RequestOrigin("198.51.100.1", "https", "ops.example.com", 443);
        assertEquals("https://ops.example.com/login.xhtml?next=%2F", origin.absolute("/login.xhtml?next=%2F", "/accounts/index.xhtml"));
        assertEquals("https://ops.example.com/accounts/account.xhtml?id=1", origin.absolute("account.xhtml?id=1", "/accounts/index.xhtml"));
        assertEquals("https://elsewhere.example/x", origin.absolute("https://elsewhere.example/x", "/"));
        assertEquals("http://[::1]:8080/login.xhtml", new RequestOrigin("::1", "http", "::1", 8080).absolute("/login.xhtml", "/"));
    }
}
