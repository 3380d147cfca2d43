package dev.opsdeck.platform.failures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Test-only, added to the WAR by ErrorPagesIT: an endpoint that fails, and the log lines that name a reference. */
@Path("v1/test-failures")
@RolesAllowed("service")
public class FailingResource {

    public static final String SECRET = "connection to db-internal-7 refused for user payroll";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String fail() {
        throw new IllegalStateException(SECRET);
    }

    @GET
    @Path("log")
    @Produces(MediaType.APPLICATION_JSON)
    public String log(@QueryParam("containing") String text) {
        var lines = Json.createArrayBuilder();
        LogCapture.linesContaining(text).forEach(lines::add);
        return lines.build().toString();
    }
}
