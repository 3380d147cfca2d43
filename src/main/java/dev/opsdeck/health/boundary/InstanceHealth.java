package dev.opsdeck.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** This instance's readiness as the console shows it: the same checks as /health/ready, run at most every few seconds. */
@ApplicationScoped
public class InstanceHealth {

    static final Duration REUSE = Duration.ofSeconds(10);

    @Inject
    @Readiness
    DatabaseCheck database;

    @Inject
    @Readiness
    BrokerCheck broker;

    Clock clock = Clock.systemUTC();

    public record Check(String name, boolean up, String detail) {

        public String getName() {
            return name;
        }

        public boolean isUp() {
            return up;
        }

        public String getDetail() {
            return detail;
        }
    }

    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile List<Check> last = List.of();

    public List<Check> checks() {
        Instant now = clock.instant();
        if (checkedAt.plus(REUSE).isBefore(now)) {
            last = List.of(check(database), check(broker));
            checkedAt = now;
        }
        return last;
    }

    private static Check check(HealthCheck check) {
        HealthCheckResponse response;
        try {
            response = check.call();
        } catch (RuntimeException e) {
            return new Check(check.getClass().getSimpleName(), false, e.toString());
        }
        Map<String, Object> data = new TreeMap<>(response.getData().orElse(Map.of()));
        StringBuilder detail = new StringBuilder();
        data.forEach((key, value) -> detail.append(detail.length() == 0 ? "" : ", ").append(key).append(' ').append(value));
        return new Check(response.getName(), response.getStatus() == HealthCheckResponse.Status.UP, detail.toString());
    }
}
