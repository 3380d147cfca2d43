package dev.opsdeck.process.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roles of every instance of the fleet as their heartbeats last said, kept by name for the dashboard; ingestion,
 * which reads the heartbeats, fills it each time it reads them.
 */
@ApplicationScoped
public class FleetRoles {

    private final Map<String, String> byInstance = new ConcurrentHashMap<>();

    public void heard(String instance, String roles) {
        byInstance.put(instance, roles);
    }

    /** Comma-separated, or {@code ?} for an instance whose version wrote no roles. */
    public String of(String instance) {
        String roles = byInstance.get(instance);
        return roles == null || roles.isEmpty() ? "?" : roles;
    }
}
