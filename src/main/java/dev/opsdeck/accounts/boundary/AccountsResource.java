package dev.opsdeck.accounts.boundary;

import dev.opsdeck.accounts.control.AccountSearch;
import dev.opsdeck.accounts.entity.Account;
import dev.opsdeck.api.boundary.Parameters;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("v1/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
public class AccountsResource {

    @PersistenceContext
    EntityManager em;

    @GET
    @Operation(summary = "Accounts in id order, filtered, one keyset page at a time")
    @APIResponse(responseCode = "200", description = "A page of accounts and the cursor of the next one")
    @APIResponse(responseCode = "422", description = "A filter, limit or cursor is wrong; the field is named")
    public KeysetPage<AccountView> list(@QueryParam("status") @Parameter(description = "e.g. active, frozen, closed") String status,
                                        @QueryParam("currency") @Parameter(description = "ISO 4217, e.g. EUR") String currency,
                                        @QueryParam("owner_id") @Parameter(description = "owner UUID") String ownerId,
                                        @QueryParam("limit") @Parameter(description = "1 to 500, default 50") String limit,
                                        @QueryParam("cursor") @Parameter(description = "next_cursor of the previous page") String cursor) {
        int size = Parameters.limit(limit);
        var filter = new AccountSearch.Filter(Parameters.status(status), Parameters.currency(currency),
                Parameters.uuid("owner_id", ownerId));
        return AccountSearch.page(em, filter, Parameters.cursor(cursor), size).map(AccountView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One account")
    @APIResponse(responseCode = "200", description = "The account as last synced")
    @APIResponse(responseCode = "404", description = "No event has created or updated this account yet")
    public AccountView one(@PathParam("id") String id) {
        Account account = em.find(Account.class, Parameters.requiredUuid("id", id));
        if (account == null) {
            throw new NotFoundException("no account " + id);
        }
        return AccountView.of(account);
    }
}
