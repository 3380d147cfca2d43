package dev.opsdeck.console.boundary;

import dev.opsdeck.process.control.FleetRoles;
import dev.opsdeck.process.control.InteractiveFirst;
import dev.opsdeck.process.control.ServedRoles;
import dev.opsdeck.process.entity.InstanceRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/** The dashboard's view of who does what: each instance's roles, and how much this instance's ingestion gives way. */
@Named
@RequestScoped
public class DashboardRoles {

    @Inject
    FleetRoles fleetRoles;

    @Inject
    InteractiveFirst interactiveFirst;

    @Inject
    ServedRoles served;

    /** As the instance's last heartbeat said; read after the dashboard has read the heartbeats. */
    public String rolesOf(String instance) {
        return fleetRoles.of(instance);
    }

    public String getYielding() {
        return interactiveFirst.ingestionYield().figures().summary(Instant.now());
    }

    /** Ingestion's threads' OS priority, e.g. "nice 19 (412 threads lowered so far)". */
    public String getIngestionPriority() {
        return served.has(InstanceRole.INGESTION) ? interactiveFirst.ingestionNice().state()
                : "not lowered, this instance has no ingestion role";
    }
}
