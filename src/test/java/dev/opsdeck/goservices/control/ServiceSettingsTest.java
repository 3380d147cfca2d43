package dev.opsdeck.goservices.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.testing.MapConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    @Test
    void unsetServicesAreNotConfiguredAndDoNotStopTheStart() {
        ServiceSettings settings = ServiceSettings.resolve(MapConfig.of());
        assertFalse(settings.payments().configured());
        assertFalse(settings.accounts().configured());
        assertEquals(Duration.ofSeconds(10), settings.payments().deadline());
        assertEquals(Duration.ofSeconds(2), settings.payments().connectTimeout());
    }

    @Test
    void configuredServiceHasUrlTokenAndTimeouts() {
        ServiceSettings settings = ServiceSettings.resolve(MapConfig.of("payments.service.url", "https://payments.internal:8443/api",
                "payments.service.token", "secret-token", "actions.deadline-ms", "2500", "actions.connect-timeout-ms", "300"));
        assertEquals("https://payments.internal:8443/api/", settings.payments().url().orElseThrow().toString());
        assertEquals("Bearer secret-token", settings.payments().bearer());
        assertEquals(Duration.ofMillis(2500), settings.payments().deadline());
        assertEquals(Duration.ofMillis(300), settings.payments().connectTimeout());
        assertFalse(settings.accounts().configured());
    }

    @Test
    void urlWithoutTokenStopsTheStartNamingTheKey() {
        var wrong = assertThrows(InvalidConfigurationException.class,
                () -> ServiceSettings.resolve(MapConfig.of("accounts.service.url", "http://accounts:8080")));
        assertTrue(wrong.getMessage().startsWith("Invalid configuration accounts.service.token: required when accounts.service.url is set"),
                wrong.getMessage());
    }

    @Test
    void urlThatIsNotHttpStopsTheStart() {
        var wrong = assertThrows(InvalidConfigurationException.class, () -> ServiceSettings.resolve(
                MapConfig.of("payments.service.url", "ftp://payments", "payments.service.token", "t")));
        assertTrue(wrong.getMessage().contains("payments.service.url"), wrong.getMessage());
    }

    @Test
    void badTimeoutStopsTheStart() {
        var wrong = assertThrows(InvalidConfigurationException.class,
                () -> ServiceSettings.resolve(MapConfig.of("actions.deadline-ms", "0")));
        assertTrue(wrong.getMessage().contains("actions.deadline-ms"), wrong.getMessage());
    }

    @Test
    void demoModePointsUnsetServicesAtTheSimulatorButKeepsConfiguredOnes() {
        ServiceSettings settings = ServiceSettings.resolve(MapConfig.of("opsdeck.demo", "true", "simulator.port", "8091",
                "accounts.service.url", "http://accounts:8080", "accounts.service.token", "real-token"));
        assertTrue(settings.demo());
        assertEquals("http://127.0.0.1:8091/", settings.payments().url().orElseThrow().toString());
        assertEquals("Bearer " + ServiceSettings.DEFAULT_SIMULATOR_TOKEN, settings.payments().bearer());
        assertEquals("http://accounts:8080/", settings.accounts().url().orElseThrow().toString());
        assertEquals("Bearer real-token", settings.accounts().bearer());
    }
}
