package dev.opsdeck.process.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.process.control.InstanceRoles;
import dev.opsdeck.process.entity.InstanceRole;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Checks {@code OPSDECK_ROLES} when the application starts, so that a wrong role stops the start instead of the first
 * request, says which roles this instance has, and shows them in /metrics.
 */
@Singleton
@Startup
public class RolesAtStart {

    private static final Logger LOG = Logger.getLogger(RolesAtStart.class.getName());

    @Inject
    @ConfigProperty(name = InstanceRoles.KEY)
    Optional<String> configured;

    @Inject
    MetricRegistry registry;

    @PostConstruct
    void check() {
        InstanceRoles roles;
        try {
            roles = InstanceRoles.parse(configured.orElse(null));
        } catch (InvalidConfigurationException e) {
            throw StartupFailure.stop(e);
        }
        Metadata metadata = Metadata.builder().withName("opsdeck.instance.role")
                .withDescription("1 for each role this instance has (OPSDECK_ROLES), 0 for the others").build();
        for (InstanceRole role : InstanceRole.values()) {
            long has = roles.has(role) ? 1 : 0;
            registry.gauge(metadata, () -> has, new Tag("role", role.label()));
        }
        LOG.info(() -> "Instance roles: " + roles.label() + describe(roles));
    }

    private static String describe(InstanceRoles roles) {
        StringBuilder without = new StringBuilder();
        if (!roles.has(InstanceRole.INGESTION)) {
            without.append("; consumes no events");
        }
        if (!roles.has(InstanceRole.SCHEDULER)) {
            without.append("; runs no report schedules, outbox dispatcher or processed-events purge");
        }
        if (!roles.has(InstanceRole.CONSOLE)) {
            without.append("; console pages answer 404");
        }
        if (!roles.has(InstanceRole.API)) {
            without.append("; API paths answer 404");
        }
        return without.toString();
    }
}
