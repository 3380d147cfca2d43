package dev.opsdeck.commands.boundary;

import dev.opsdeck.api.boundary.InvalidParameterException;
import dev.opsdeck.api.boundary.Parameters;
import dev.opsdeck.api.control.KeysetCursor.TimeAndId;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.commands.control.ActionRefusedException;
import dev.opsdeck.commands.control.ActionRequests;
import dev.opsdeck.commands.control.Approvals;
import dev.opsdeck.commands.entity.CommandState;
import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.security.boundary.Permitted;
import dev.opsdeck.security.entity.Action;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("v1/commands")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.ADMIN})
public class CommandsResource {

    @Inject
    ActionRequests actions;

    @Inject
    Approvals approvals;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @GET
    @Permitted(Action.COMMANDS_READ)
    @Operation(summary = "Commands, newest first, filtered by state and target, one keyset page at a time")
    @APIResponse(responseCode = "422", description = "A filter, limit or cursor is wrong; the field is named")
    public KeysetPage<CommandView> list(@QueryParam("state") String state, @QueryParam("target_id") String targetId,
                                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Parameters.limit(limit);
        Optional<CommandState> wanted = Optional.ofNullable(state).filter(s -> !s.isEmpty()).map(s -> CommandState.of(s)
                .orElseThrow(() -> new InvalidParameterException("state", "expected one of "
                        + Arrays.stream(CommandState.values()).map(CommandState::label).collect(Collectors.joining(", "))
                        + ", was " + (s.length() > 40 ? s.substring(0, 40) + "..." : s))));
        Optional<TimeAndId> after = Parameters.timeCursor(cursor);
        return actions.page(wanted, Parameters.uuid("target_id", targetId), after, size).map(CommandView::of);
    }

    @GET
    @Path("{id}")
    @Permitted(Action.COMMANDS_READ)
    @Operation(summary = "One command: state, outcome, attempts, the service's last answer")
    @APIResponse(responseCode = "404", description = "No such command")
    public CommandView one(@PathParam("id") String id) {
        UUID commandId = Parameters.requiredUuid("id", id);
        return CommandView.of(actions.find(commandId).orElseThrow(() ->
                new ActionRefusedException(ActionRefusedException.Why.NOT_FOUND, null, "no command " + id)));
    }

    @POST
    @Path("{id}/approval")
    @Permitted(Action.COMMANDS_DECIDE)
    @Operation(summary = "Approve a command awaiting approval; the approver must not be its requester")
    @APIResponse(responseCode = "403", description = "The requester cannot approve their own command")
    @APIResponse(responseCode = "409", description = "The command is not awaiting approval")
    public CommandView approve(@PathParam("id") String id) {
        return CommandView.of(approvals.approve(Parameters.requiredUuid("id", id), Requests.caller(security), ClientAddress.of(http)));
    }

    @POST
    @Path("{id}/rejection")
    @Permitted(Action.COMMANDS_DECIDE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refuse a command awaiting approval, with a reason; it is never sent")
    @APIResponse(responseCode = "403", description = "The requester cannot decide on their own command")
    @APIResponse(responseCode = "409", description = "The command is not awaiting approval")
    public CommandView reject(@PathParam("id") String id, JsonObject body) {
        return CommandView.of(approvals.reject(Parameters.requiredUuid("id", id), Requests.caller(security),
                Requests.reason(body), ClientAddress.of(http)));
    }
}
