package dev.opsdeck.reports.boundary;

import dev.opsdeck.api.boundary.InvalidParameterException;
import dev.opsdeck.api.boundary.Parameters;
import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.security.boundary.Permitted;
import dev.opsdeck.security.entity.Action;
import dev.opsdeck.reports.control.ReportConfigurations;
import dev.opsdeck.reports.control.ReportConfigurationChanges;
import dev.opsdeck.reports.entity.ReportConfiguration;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("v1/report-configurations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportConfigurationsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    ReportConfigurationChanges changes;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest http;

    @GET
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    @Operation(summary = "Saved report configurations, by name")
    public List<ReportConfigurationView> list() {
        return em.createQuery("SELECT c FROM ReportConfiguration c ORDER BY c.name", ReportConfiguration.class)
                .setMaxResults(Parameters.MAX_LIMIT).getResultList().stream().map(ReportConfigurationView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    public ReportConfigurationView one(@PathParam("id") String id) {
        return ReportConfigurationView.of(find(id(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(Action.REPORT_SCHEDULES_CHANGE)
    @Operation(summary = "Save a report configuration: name, report_type, format, parameters, optional cron and time_zone, enabled")
    @APIResponse(responseCode = "201", description = "Saved; next_run_at is its next due time when scheduled")
    @APIResponse(responseCode = "422", description = "A field is wrong (the cron expression, time zone, a parameter, a taken name)")
    public Response create(JsonObject body) throws SQLException {
        ReportConfigurations.Draft draft = ReportConfigurations.draft(body);
        long id = changes.create(draft, caller(), ClientAddress.of(http));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
                .entity(ReportConfigurationView.of(find(id))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(Action.REPORT_SCHEDULES_CHANGE)
    @Operation(summary = "Change a report configuration, e.g. disable it with enabled=false")
    public ReportConfigurationView update(@PathParam("id") String idText, JsonObject body) throws SQLException {
        long id = id(idText);
        boolean wasEnabled = find(id).isEnabled();
        ReportConfigurations.Draft draft = ReportConfigurations.draft(body);
        if (!changes.update(id, wasEnabled, draft, caller(), ClientAddress.of(http))) {
            throw new NotFoundException("no report configuration " + id);
        }
        em.getEntityManagerFactory().getCache().evict(ReportConfiguration.class, id);
        return ReportConfigurationView.of(find(id));
    }

    @GET
    @Path("schedule-preview")
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    @Operation(summary = "Check a cron expression in a time zone and show its next five run times")
    @APIResponse(responseCode = "422", description = "The cron expression or time zone is wrong; the field is named")
    public Map<String, List<Instant>> preview(@QueryParam("cron") String cron, @QueryParam("time_zone") String timeZone) {
        return Map.of("next_runs", ReportConfigurations.schedule(cron == null ? "" : cron,
                timeZone == null || timeZone.isEmpty() ? "UTC" : timeZone).next(Instant.now(), 5));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("id", "not a report configuration id: "
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
        }
    }

    private ReportConfiguration find(long id) {
        ReportConfiguration configuration = em.find(ReportConfiguration.class, id);
        if (configuration == null) {
            throw new NotFoundException("no report configuration " + id);
        }
        return configuration;
    }
}
