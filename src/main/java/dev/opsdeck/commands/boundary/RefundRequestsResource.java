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

@Path("v1/payments/{id}/refund-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.ADMIN})
public class RefundRequestsResource {

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
    @Operation(summary = "Ask the payments service to refund a settled payment: stored, then sent; poll the command")
    @APIResponse(responseCode = "202", description = "The command, pending (or awaiting approval above the four-eyes threshold)")
    @APIResponse(responseCode = "404", description = "The payment is not in the read model")
    @APIResponse(responseCode = "409", description = "Not refundable now (not settled, or a refund already under way); nothing stored")
    @APIResponse(responseCode = "422", description = "reason missing or not 3 to 500 characters")
    public Response request(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, JsonObject body) {
        ActionCommand command = actions.request(ActionKind.REFUND, Parameters.requiredUuid("id", id), Requests.reason(body),
                Requests.caller(security), ClientAddress.of(http), Optional.ofNullable(key));
        return Response.accepted(CommandView.of(command))
                .location(uri.getBaseUriBuilder().path("v1/commands/" + command.id()).build()).build();
    }
}
