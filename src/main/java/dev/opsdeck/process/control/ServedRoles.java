package dev.opsdeck.process.control;

import dev.opsdeck.process.entity.InstanceRole;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This instance's roles, read once from the configuration; an unknown role fails the bean, and with it the start. */
@ApplicationScoped
public class ServedRoles {

    static final String API_PATH = "/api";
    static final String API_DOCS_PATH = "/api-docs";

    @Inject
    @ConfigProperty(name = InstanceRoles.KEY)
    Optional<String> configured;

    private InstanceRoles roles;

    @PostConstruct
    void read() {
        roles = InstanceRoles.parse(configured.orElse(null));
    }

    public InstanceRoles roles() {
        return roles;
    }

    public boolean has(InstanceRole role) {
        return roles.has(role);
    }

    /**
     * Whether this instance answers a request for this servlet path: health, metrics and the OpenAPI document always
     * (Payara passes them through the application's login mechanism too), the API's under {@code /api}, the console's
     * the rest.
     */
    public boolean serves(String servletPath) {
        return ALWAYS.stream().anyMatch(path -> under(servletPath, path)) || roles.has(roleOf(servletPath));
    }

    private static final java.util.List<String> ALWAYS = java.util.List.of("/health", "/metrics", "/openapi");

    static InstanceRole roleOf(String servletPath) {
        return under(servletPath, API_PATH) || under(servletPath, API_DOCS_PATH) ? InstanceRole.API : InstanceRole.CONSOLE;
    }

    private static boolean under(String servletPath, String prefix) {
        return servletPath.equals(prefix) || servletPath.startsWith(prefix + "/");
    }
}
