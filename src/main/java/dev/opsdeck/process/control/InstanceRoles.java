package dev.opsdeck.process.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.process.entity.InstanceRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The roles this instance has, from {@code opsdeck.roles} ({@code OPSDECK_ROLES}): comma-separated, all when unset. */
public record InstanceRoles(Set<InstanceRole> roles) {

    public static final String KEY = "opsdeck.roles";
    public static final String ENVIRONMENT_VARIABLE = "OPSDECK_ROLES";

    public InstanceRoles {
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    public static InstanceRoles all() {
        return new InstanceRoles(EnumSet.allOf(InstanceRole.class));
    }

    /** Blank means all; any other value must name known roles only, at least one. */
    public static InstanceRoles parse(String value) {
        if (value == null || value.isBlank()) {
            return all();
        }
        EnumSet<InstanceRole> roles = EnumSet.noneOf(InstanceRole.class);
        for (String name : value.split(",", -1)) {
            String role = name.trim().toLowerCase(Locale.ROOT);
            if (role.equals("all")) {
                roles.addAll(EnumSet.allOf(InstanceRole.class));
                continue;
            }
            InstanceRole known = Arrays.stream(InstanceRole.values()).filter(r -> r.label().equals(role)).findFirst()
                    .orElseThrow(() -> new InvalidConfigurationException(KEY + " (" + ENVIRONMENT_VARIABLE + ")",
                            (role.isEmpty() ? "an empty role" : "unknown role '" + name.trim() + "'") + " in '" + value
                                    + "'; use a comma-separated list of " + known() + ", or all"));
            roles.add(known);
        }
        return new InstanceRoles(roles);
    }

    private static String known() {
        return Arrays.stream(InstanceRole.values()).map(InstanceRole::label).collect(Collectors.joining(", "));
    }

    public boolean has(InstanceRole role) {
        return roles.contains(role);
    }

    /** In the enum's order, e.g. {@code console,api}. */
    public String label() {
        return roles.stream().sorted().map(InstanceRole::label).collect(Collectors.joining(","));
    }
}
