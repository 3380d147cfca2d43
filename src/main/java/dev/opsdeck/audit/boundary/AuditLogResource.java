package dev.opsdeck.audit.boundary;

import dev.opsdeck.api.boundary.InvalidParameterException;
import dev.opsdeck.api.boundary.Parameters;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.audit.control.AuditSearch;
import dev.opsdeck.security.boundary.Permitted;
import dev.opsdeck.security.entity.Action;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("v1/audit-log")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class AuditLogResource {

    @PersistenceContext
    EntityManager em;

    @GET
    @Permitted(Action.AUDIT_LOG_READ)
    @Operation(summary = "Audit entries, newest first, filtered, one keyset page at a time")
    @APIResponse(responseCode = "200", description = "A page of entries and the cursor of the next one")
    @APIResponse(responseCode = "422", description = "A filter, limit or cursor is wrong; the field is named")
    public KeysetPage<AuditEntryView> list(@QueryParam("actor") String actor,
                                           @QueryParam("action") @Parameter(description = "exact, e.g. refund.requested; a trailing dot matches a prefix, e.g. refund.") String action,
                                           @QueryParam("target_id") @Parameter(description = "id of a record an entry names") String targetId,
                                           @QueryParam("from") @Parameter(description = "RFC 3339, inclusive") String from,
                                           @QueryParam("to") @Parameter(description = "RFC 3339, exclusive") String to,
                                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Parameters.limit(limit);
        var filter = new AuditSearch.Filter(text("actor", actor, 255), text("action", action, 64),
                text("target_id", targetId, 64), instant("from", from), instant("to", to));
        return AuditSearch.page(em, filter, Parameters.numericCursor(cursor), size).map(AuditEntryView::of);
    }

    private static Optional<String> text(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > max) {
            throw new InvalidParameterException(field, "at most " + max + " characters");
        }
        return Optional.of(value);
    }

    private static Optional<Instant> instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "expected an RFC 3339 timestamp such as 2026-11-20T10:15:30Z, was "
                    + (value.length() > 60 ? value.substring(0, 57) + "..." : value));
        }
    }
}
