package dev.opsdeck.reports.boundary;

import dev.opsdeck.api.boundary.ApiError;
import dev.opsdeck.api.boundary.InvalidParameterException;
import dev.opsdeck.api.boundary.Parameters;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.tables.control.ExportLimits;
import dev.opsdeck.reports.control.FinishedRuns;
import dev.opsdeck.reports.control.ReportRequestBodies;
import dev.opsdeck.reports.control.ReportRunQueries;
import dev.opsdeck.tables.control.ReportFormat;
import dev.opsdeck.reports.control.Reports;
import dev.opsdeck.reports.entity.ReportRun;
import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.reports.entity.RunStatus;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("v1/reports")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Inject
    Reports reports;

    @Inject
    FinishedRuns finishedRuns;

    @Inject
    ReportRunQueries runs;

    @Inject
    ReportRequestBodies requestBodies;

    @Inject
    ExportLimits exportLimits;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.SERVICE, Role.OPERATOR, Role.ADMIN})
    @Operation(summary = "Request a report run, of a saved configuration or ad hoc; it runs in the background")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "ad hoc", value = "{\"report_type\": \"payments_summary\", \"format\": \"csv\", "
                    + "\"parameters\": {\"from\": \"2026-11-01\", \"to\": \"2026-11-30\"}}"),
            @ExampleObject(name = "saved configuration", value = "{\"configuration_id\": 3, \"parameters\": {\"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}}")}))
    @APIResponse(responseCode = "202", description = "Queued; poll the returned representation until status is succeeded or failed")
    @APIResponse(responseCode = "422", description = "A field is wrong; the body names it")
    public Response request(JsonObject body) throws SQLException {
        UUID id = reports.request(requestBodies.read(body, caller()));
        ReportRun run = em.find(ReportRun.class, id);
        return Response.accepted(ReportView.of(run, uri.getBaseUri()))
                .location(uri.getBaseUriBuilder().path("v1/reports/" + id).build()).build();
    }

    @GET
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    @Operation(summary = "Report runs, newest first, filtered by status and type")
    public KeysetPage<ReportView> list(@QueryParam("status") String status, @QueryParam("type") String type,
                                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Parameters.limit(limit);
        Optional<RunStatus> wantedStatus = Optional.ofNullable(status).filter(s -> !s.isEmpty()).map(s -> RunStatus.of(s)
                .orElseThrow(() -> new InvalidParameterException("status", "expected queued, running, succeeded or failed, was " + s)));
        Optional<ReportType> wantedType = Optional.ofNullable(type).filter(t -> !t.isEmpty()).map(t -> ReportType.of(t)
                .orElseThrow(() -> new InvalidParameterException("type", "not a report type: " + t)));
        return runs.page(wantedStatus, wantedType, Parameters.timeCursor(cursor), size)
                .map(run -> ReportView.of(run, uri.getBaseUri()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    @Operation(summary = "One report run: {id, report_type, status, generated_at, download_url, ...}")
    @APIResponse(responseCode = "404", description = "No such run")
    public ReportView one(@PathParam("id") String id) {
        return ReportView.of(find(id), uri.getBaseUri());
    }

    @GET
    @Path("{id}/download")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    @Operation(summary = "The run's file, streamed with its content type and a file name")
    @APIResponse(responseCode = "409", description = "The run has not succeeded (yet)")
    @APIResponse(responseCode = "410", description = "The file passed its retention and was deleted")
    @APIResponse(responseCode = "429", description = "Too many exports at once on this instance or for this caller; Retry-After")
    public Response download(@PathParam("id") String id) throws SQLException {
        ReportRun run = find(id);
        if (run.getStatus() != RunStatus.SUCCEEDED) {
            return new ApiError("not_ready", "run " + id + " is " + run.getStatus().label()).toResponse(409);
        }
        if (run.getFileName() == null || !reports.files().exists(run.getId())) {
            return new ApiError("gone", "the file of run " + id + " is no longer kept").toResponse(410);
        }
        Optional<ExportLimits.Permit> permit = exportLimits.tryStart(caller());
        if (permit.isEmpty()) {
            return Response.fromResponse(new ApiError("too_many_exports", exportLimits.tryAgainMessage()).toResponse(429))
                    .header("Retry-After", ExportLimits.RETRY_AFTER_SECONDS).build();
        }
        ReportFormat format = ReportFormat.parse(run.getFormat());
        String name = run.getReportType() + "-" + FILE_TIME.format(run.getFinishedAt()) + "." + format.extension();
        StreamingOutput body = out -> {
            try (ExportLimits.Permit running = permit.get()) {
                reports.files().copy(run.getId(), out);
            } catch (SQLException e) {
                throw new IOException("could not read the file of run " + id + ": " + e.getMessage(), e);
            }
        };
        return Response.ok(body, format.contentType())
                .header("Content-Length", run.getSizeBytes())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Checksum-SHA256", run.getChecksum())
                .build();
    }

    private ReportRun find(String id) {
        return finishedRuns.find(Parameters.requiredUuid("id", id))
                .orElseThrow(() -> new NotFoundException("no report run " + id));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
