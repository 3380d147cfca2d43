package dev.opsdeck.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed console logins per client address on this instance: after {@code console.login.address-attempts}
 * failures within {@code console.login.address-minutes}, that address's logins are refused without being checked
 * until the window has passed, whichever user names it tries.
 */
@ApplicationScoped
public class AddressThrottle {

    private static final int MAX_TRACKED = 100_000;

    @Inject
    @ConfigProperty(name = "console.login.address-attempts", defaultValue = "20")
    int attempts;

    @Inject
    @ConfigProperty(name = "console.login.address-minutes", defaultValue = "15")
    int minutes;

    Clock clock = Clock.systemUTC();

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    public boolean blocked(String address) {
        Window window = failures.get(key(address));
        return window != null && !expired(window) && window.failures() >= attempts;
    }

    public void failed(String address) {
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(this::expired);
        }
        failures.compute(key(address), (key, window) -> window == null || expired(window)
                ? new Window(clock.instant(), 1) : new Window(window.start(), window.failures() + 1));
    }

    public void succeeded(String address) {
        failures.remove(key(address));
    }

    private boolean expired(Window window) {
        return window.start().plus(Duration.ofMinutes(minutes)).isBefore(clock.instant());
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
