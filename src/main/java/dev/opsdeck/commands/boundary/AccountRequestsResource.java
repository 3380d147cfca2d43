package dev.opsdeck.commands.boundary;

import dev.opsdeck.api.boundary.Parameters;
import dev.opsdeck.commands.control.ActionRequests;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Freeze and unfreeze requests; the path names both so that it never shadows the accounts read API. */
@Path("v1/accounts/{id}/{change: freeze-requests|unfreeze-requests}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.ADMIN})
public class AccountRequestsResource {

    @Inject
    ActionRequests actions;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the accounts service to freeze an active account (freeze-requests) or unfreeze a frozen one (unfreeze-requests)")
    @APIResponse(responseCode = "202", description = "The command, pending; poll it")
    @APIResponse(responseCode = "404", description = "The account is not in the read model")
    @APIResponse(responseCode = "409", description = "Not in the status the change needs, or one already under way; nothing stored")
    @APIResponse(responseCode = "422", description = "reason missing or not 3 to 500 characters")
    public Response request(@PathParam("id") String id, @PathParam("change") String change,
                            @HeaderParam("Idempotency-Key") String key, JsonObject body) {
        ActionKind kind = change.startsWith("un") ? ActionKind.UNFREEZE : ActionKind.FREEZE;
        ActionCommand command = actions.request(kind, Parameters.requiredUuid("id", id), Requests.reason(body),
                Requests.caller(security), ClientAddress.of(http), Optional.ofNullable(key));
        return Response.accepted(CommandView.of(command))
                .location(uri.getBaseUriBuilder().path("v1/commands/" + command.id()).build()).build();
    }
}
