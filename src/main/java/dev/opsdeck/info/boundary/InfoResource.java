package dev.opsdeck.info.boundary;

import dev.opsdeck.process.control.BuildInfo;
import dev.opsdeck.schema.control.Schema;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("v1/info")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
public class InfoResource {

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    public record Info(String version, String buildTime, String databaseProduct, String databaseVersion,
                       Instant startedAt, long uptimeSeconds) {
    }

    @GET
    @Operation(summary = "Version, build time, database product and uptime of this instance")
    @APIResponse(responseCode = "200", description = "This instance")
    @APIResponse(responseCode = "401", description = "No or an invalid credential")
    @APIResponse(responseCode = "403", description = "The caller holds none of the allowed roles")
    public Info info() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            var runtime = ManagementFactory.getRuntimeMXBean();
            return new Info(BuildInfo.VERSION, BuildInfo.BUILD_TIME, database.getDatabaseProductName(),
                    database.getDatabaseProductVersion(), Instant.ofEpochMilli(runtime.getStartTime()),
                    runtime.getUptime() / 1000);
        }
    }
}
