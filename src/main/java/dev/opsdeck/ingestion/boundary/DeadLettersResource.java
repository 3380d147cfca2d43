package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.api.boundary.ApiError;
import dev.opsdeck.api.boundary.InvalidParameterException;
import dev.opsdeck.api.boundary.Parameters;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.ingestion.control.DeadLetterReplay;
import dev.opsdeck.ingestion.control.IngestionPipeline;
import dev.opsdeck.ingestion.entity.DeadLetter;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.ingestion.control.DeadLetterResolutions;
import dev.opsdeck.ingestion.control.DeadLetterSearch;
import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.security.entity.Action;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
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
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.Map;

@Path("v1/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @PersistenceContext
    EntityManager em;

    @Inject
    IngestionPipeline pipeline;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Inject
    DeadLetterResolutions resolutions;

    @Inject
    DeadLetterSearch search;

    @GET
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    @Operation(summary = "Dead letters, oldest first, filtered by state (default waiting) and stream")
    @APIResponse(responseCode = "200", description = "A page of dead letters")
    @APIResponse(responseCode = "422", description = "A filter, limit or cursor is wrong")
    public KeysetPage<DeadLetterView> list(@QueryParam("state") String state, @QueryParam("stream") String stream,
                                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Parameters.limit(limit);
        String wantedState = state(state);
        Optional<String> wantedStream = stream(stream);
        return search.page(wantedState, wantedStream, Parameters.numericCursor(cursor), size).map(DeadLetterView::summary);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    @Operation(summary = "One dead letter with its body, headers, reason, attempts, first and last seen")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    public DeadLetterView one(@PathParam("id") String id) {
        return DeadLetterView.detail(find(id));
    }

    @POST
    @Path("{id}/replay")
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    @Operation(summary = "Apply the dead letter's message again, after its cause was fixed (admin)")
    @APIResponse(responseCode = "200", description = "Replayed; the outcome says what it did to the read model")
    @APIResponse(responseCode = "409", description = "Not waiting: already replayed or discarded")
    @APIResponse(responseCode = "422", description = "Still malformed or rejected; the reason is updated on the dead letter")
    @APIResponse(responseCode = "503", description = "The database is unavailable; try again")
    public Response replay(@PathParam("id") String id) throws SQLException {
        DeadLetter letter = find(id);
        Response refused = refusedUnlessAdmin(DeadLetterResolutions.REPLAYED, letter);
        if (refused != null) {
            return refused;
        }
        DeadLetterReplay.Result result = DeadLetterReplay.replay(pipeline, letter, caller());
        if (result instanceof DeadLetterReplay.Replayed replayed) {
            audited(DeadLetterResolutions.REPLAYED, letter, true, "replayed: " + replayed.outcome().label(), null);
            return Response.ok(JSON.createObjectBuilder().add("id", letter.getId()).add("state", "replayed")
                    .add("outcome", replayed.outcome().label()).build().toString()).build();
        }
        if (result instanceof DeadLetterReplay.StillMalformed malformed) {
            audited(DeadLetterResolutions.REPLAYED, letter, false, "still failing: " + malformed.reason(), null);
            return new ApiError("still_failing", malformed.reason()).toResponse(422);
        }
        if (result instanceof DeadLetterReplay.TryAgainLater later) {
            audited(DeadLetterResolutions.REPLAYED, letter, false, "not replayed, try again later: " + later.reason(), null);
            return new ApiError("unavailable", later.reason()).toResponse(503);
        }
        String state = letter.getState().name().toLowerCase();
        audited(DeadLetterResolutions.REPLAYED, letter, false, "already resolved (" + state + ")", null);
        return new ApiError("not_waiting", "dead letter " + id + " is already " + state).toResponse(409);
    }

    @POST
    @Path("{id}/discard")
    @RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discard the dead letter, with the reason why it needs no replay (admin)")
    @APIResponse(responseCode = "200", description = "Discarded")
    @APIResponse(responseCode = "409", description = "Not waiting")
    @APIResponse(responseCode = "422", description = "No reason given")
    public Response discard(@PathParam("id") String id, JsonObject body) throws SQLException {
        DeadLetter letter = find(id);
        Response refused = refusedUnlessAdmin(DeadLetterResolutions.DISCARDED, letter);
        if (refused != null) {
            return refused;
        }
        String reason = body == null ? "" : body.getString("reason", "").trim();
        String problem = DeadLetterResolutions.reasonProblem(reason);
        if (problem != null) {
            throw new InvalidParameterException("reason", problem);
        }
        if (!DeadLetterReplay.discard(pipeline, letter, caller(), reason)) {
            audited(DeadLetterResolutions.DISCARDED, letter, false, "already resolved", "reason: " + reason);
            return new ApiError("not_waiting", "dead letter " + id + " is not waiting").toResponse(409);
        }
        audited(DeadLetterResolutions.DISCARDED, letter, true, "discarded", "reason: " + reason);
        return Response.ok(JSON.createObjectBuilder().add("id", letter.getId()).add("state", "discarded").build().toString()).build();
    }

    /** The console's rule and audit entry for a caller who may not resolve dead letters, or null when allowed. */
    private Response refusedUnlessAdmin(String action, DeadLetter letter) {
        if (Action.DEAD_LETTERS_RESOLVE.allows(security::isUserInRole)) {
            return null;
        }
        resolutions.refused(action, List.of(letter.getId()), caller(), ClientAddress.of(http), Action.DEAD_LETTERS_RESOLVE.refusal());
        return ApiError.forbidden(Action.DEAD_LETTERS_RESOLVE.refusal()).toResponse(Response.Status.FORBIDDEN);
    }

    private void audited(String action, DeadLetter letter, boolean resolved, String message, String prefix) {
        resolutions.record(action, new DeadLetterResolutions.Result(letter.getId(), resolved, message), caller(),
                ClientAddress.of(http), prefix);
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    private DeadLetter find(String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("id", "not a dead letter id: " + id);
        }
        DeadLetter letter = em.find(DeadLetter.class, key);
        if (letter == null) {
            throw new NotFoundException("no dead letter " + id);
        }
        return letter;
    }

    private static String state(String value) {
        if (value == null || value.isEmpty()) {
            return "waiting";
        }
        if (!List.of("waiting", "replayed", "discarded").contains(value)) {
            throw new InvalidParameterException("state", "expected waiting, replayed or discarded, was " + value);
        }
        return value;
    }

    private static Optional<String> stream(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Stream.of(value).label());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("stream", "expected accounts or payments, was " + value);
        }
    }
}
