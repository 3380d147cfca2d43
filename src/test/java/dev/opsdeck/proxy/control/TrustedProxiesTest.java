package dev.opsdeck.proxy.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void nothingIsTrustedByDefault() {
        assertTrue(TrustedProxies.parse(null).isEmpty());
        assertTrue(TrustedProxies.parse("  ").isEmpty());
        assertFalse(TrustedProxies.parse("").trusts("127.0.0.1"));
    }

    @Test
    void singleAddressesAndCidrBlocksAreTrusted() {
        TrustedProxies proxies = TrustedProxies.parse(" 127.0.0.1, 10.0.0.0/8 ,192.168.4.0/22");
        assertTrue(proxies.trusts("127.0.0.1"));
        assertFalse(proxies.trusts("127.0.0.2"));
        assertTrue(proxies.trusts("10.255.3.4"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertTrue(proxies.trusts("192.168.7.255"));
        assertFalse(proxies.trusts("192.168.8.0"));
    }

    @Test
    void ipv6BlocksAndIpv4MappedAddressesAreMatched() {
        TrustedProxies proxies = TrustedProxies.parse("fd00::/8,::1,10.1.2.3");
        assertTrue(proxies.trusts("fd12:3456::1"));
        assertTrue(proxies.trusts("0:0:0:0:0:0:0:1"));
        assertTrue(proxies.trusts("[::1]"));
        assertFalse(proxies.trusts("fe80::1"));
        assertTrue(proxies.trusts("::ffff:10.1.2.3"));
    }

    @Test
    void anyAddressMatchesAZeroLengthPrefix() {
        assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts("203.0.113.9"));
        assertFalse(TrustedProxies.parse("0.0.0.0/0").trusts("2001:db8::1"));
    }

    @Test
    void namesAndGarbageAreNeverTrusted() {
        TrustedProxies proxies = TrustedProxies.parse("0.0.0.0/0");
        assertFalse(proxies.trusts("unknown"));
        assertFalse(proxies.trusts("_hidden"));
        assertFalse(proxies.trusts("localhost"));
        assertFalse(proxies.trusts("300.1.1.1"));
        assertFalse(proxies.trusts(null));
    }

    @Test
    void aHostNameIsRefusedNamingTheKeyAndTheEntry() {
        var failure = assertThrows(InvalidConfigurationException.class, () -> TrustedProxies.parse("10.0.0.1,proxy.internal"));
        assertTrue(failure.getMessage().contains("http.trusted-proxies"), failure.getMessage());
        assertTrue(failure.getMessage().contains("'proxy.internal'"), failure.getMessage());
    }

    @Test
    void aPrefixLongerThanTheAddressIsRefused() {
        var failure = assertThrows(InvalidConfigurationException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertTrue(failure.getMessage().contains("0 to 32"), failure.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> TrustedProxies.parse("fd00::/129"));
        assertThrows(InvalidConfigurationException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
    }
}
