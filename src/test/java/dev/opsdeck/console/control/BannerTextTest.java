package dev.opsdeck.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BannerTextTest {

    private static final Path DATA = Path.of("/srv/opsdeck/data");

    @Test
    void firstStartShowsWhereToGoAndTheGeneratedPassword() {
        String text = new BannerText("http://localhost:8080/", "admin", true, Optional.of("Kq7-generated-pw"), false, DATA,
                "embedded, 127.0.0.1:61616").text();

        assertEquals(List.of(
                "-".repeat(72),
                "Opsdeck is ready",
                "  Console    http://localhost:8080/",
                "  API docs   http://localhost:8080/api-docs/",
                "  Log in     admin / Kq7-generated-pw   (generated on this first start and shown only now: change it after logging in)",
                "  Demo mode  off",
                "  Data       /srv/opsdeck/data",
                "  Broker     embedded, 127.0.0.1:61616",
                "-".repeat(72)), text.lines().toList());
    }

    @Test
    void laterStartsNeverShowAPassword() {
        String text = new BannerText("http://localhost:8080/", "admin", false, Optional.empty(), true, DATA, "embedded, 127.0.0.1:61616").text();

        assertTrue(text.contains("  Log in     admin, with the password it was given (users are under Users)"), text);
        assertTrue(text.contains("  Demo mode  on: the Go services are simulated"), text);
        assertFalse(text.contains(" / "), text);
    }

    @Test
    void firstStartWithAConfiguredPasswordNamesWhereItCameFrom() {
        String text = new BannerText("http://localhost:8080/", "admin", true, Optional.empty(), false, DATA, "embedded, 127.0.0.1:61616").text();

        assertTrue(text.contains("  Log in     admin, with the password from OPSDECK_ADMIN_PASSWORD"), text);
    }

    @Test
    void consoleUnderAContextPathKeepsIt() {
        String text = new BannerText("http://localhost:21080/opsdeck/", "admin", false, Optional.empty(), false, DATA, "x").text();

        assertTrue(text.contains("  API docs   http://localhost:21080/opsdeck/api-docs/"), text);
    }

    @Test
    void brokerIsTheEmbeddedAcceptorOrTheExternalUrlWithoutCredentials() {
        assertEquals("embedded, 127.0.0.1:61616", BannerText.broker(Optional.empty(), "127.0.0.1", 61616));
        assertEquals("embedded, 0.0.0.0:62716", BannerText.broker(Optional.of(" "), "0.0.0.0", 62716));
        assertEquals("BROKER_URL tcp://mq1:61616,tcp://mq2:61616",
                BannerText.broker(Optional.of("tcp://mq1:61616,tcp://mq2:61616"), "127.0.0.1", 61616));
        assertEquals("BROKER_URL tcp://mq1:61616", BannerText.broker(Optional.of("tcp://mq1:61616?user=ops&password=secret"), "127.0.0.1", 61616));
        assertEquals("BROKER_URL tcp://mq1:61616", BannerText.broker(Optional.of("tcp://ops:secret@mq1:61616"), "127.0.0.1", 61616));
    }
}
