package dev.opsdeck.goservices.control;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where and how to call one Go service; without a URL the service is not configured and no action is sent to it. */
public record ServiceEndpoint(String service, Optional<URI> url, String token, Duration connectTimeout, Duration deadline) {

    public boolean configured() {
        return url.isPresent();
    }

    public String bearer() {
        return "Bearer " + token;
    }

    @Override
    public String toString() {
        return service + " service at " + url.map(URI::toString).orElse("(not configured)");
    }
}
