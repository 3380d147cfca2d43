package dev.opsdeck.goservices.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The two Go services' endpoints from configuration. A service without a URL is not configured: the start goes on
 * and its actions fail as not sent. A wrong value (not an http(s) URL, a URL without token, a bad timeout) stops
 * the start. In demo mode an unset service points at the simulator.
 */
public record ServiceSettings(ServiceEndpoint payments, ServiceEndpoint accounts, boolean demo, int simulatorPort,
                              String simulatorToken) {

    public static final String DEMO = "opsdeck.demo";
    public static final String SIMULATOR_PORT = "simulator.port";
    public static final String SIMULATOR_TOKEN = "simulator.token";
    static final String DEFAULT_SIMULATOR_TOKEN = "opsdeck-demo-simulator-token";

    public static ServiceSettings resolve(Config config) {
        boolean demo = Boolean.parseBoolean(value(config, DEMO).orElse("false").trim());
        if (demo && "prod".equals(value(config, "mp.config.profile").orElse(""))) {
            throw new InvalidConfigurationException(DEMO + " (OPSDECK_DEMO)", "demo mode is refused under the prod profile");
        }
        int port = (int) number(config, SIMULATOR_PORT, 8090, 65535);
        String simulatorToken = value(config, SIMULATOR_TOKEN).orElse(DEFAULT_SIMULATOR_TOKEN);
        Duration connect = Duration.ofMillis(number(config, "actions.connect-timeout-ms", 2000, 300_000));
        Duration deadline = Duration.ofMillis(number(config, "actions.deadline-ms", 10_000, 300_000));
        Optional<String> simulator = demo ? Optional.of("http://127.0.0.1:" + port + "/") : Optional.empty();
        return new ServiceSettings(endpoint(config, "payments", simulator, simulatorToken, connect, deadline),
                endpoint(config, "accounts", simulator, simulatorToken, connect, deadline), demo, port, simulatorToken);
    }

    private static ServiceEndpoint endpoint(Config config, String service, Optional<String> simulator, String simulatorToken,
                                            Duration connect, Duration deadline) {
        String urlKey = service + ".service.url";
        String tokenKey = service + ".service.token";
        Optional<String> configured = value(config, urlKey);
        Optional<String> url = configured.or(() -> simulator);
        if (url.isEmpty()) {
            return new ServiceEndpoint(service, Optional.empty(), "", connect, deadline);
        }
        URI uri;
        try {
            uri = URI.create(url.get().endsWith("/") ? url.get() : url.get() + "/");
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(urlKey, "not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidConfigurationException(urlKey, "expected an http:// or https:// URL with a host");
        }
        String token = value(config, tokenKey).orElse(configured.isEmpty() ? simulatorToken : null);
        if (token == null) {
            throw new InvalidConfigurationException(tokenKey, "required when " + urlKey + " is set: every call carries "
                    + "Authorization: Bearer <token>");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidConfigurationException(tokenKey, "must not contain white space");
        }
        return new ServiceEndpoint(service, Optional.of(uri), token, connect, deadline);
    }

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static long number(Config config, String key, long fallback, long max) {
        String text = value(config, key).orElse(Long.toString(fallback));
        try {
            long number = Long.parseLong(text);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(key, "expected a whole number from 1 to " + max + ", was " + text);
    }
}
