package dev.opsdeck.accounts.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The accounts service's REST API (GO-SERVICES.md), as a MicroProfile REST client built with its endpoint's timeouts.
 * The paths are on the methods: a {@code @Path} on the interface would make Opsdeck's own JAX-RS scan serve it.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AccountsServiceClient {

    @POST
    @Path("v1/accounts/{account_id}/freeze")
    Response freeze(@PathParam("account_id") UUID accountId, @HeaderParam("Authorization") String authorization,
                    @HeaderParam("Idempotency-Key") UUID idempotencyKey, JsonObject body);

    @POST
    @Path("v1/accounts/{account_id}/unfreeze")
    Response unfreeze(@PathParam("account_id") UUID accountId, @HeaderParam("Authorization") String authorization,
                      @HeaderParam("Idempotency-Key") UUID idempotencyKey, JsonObject body);
}
