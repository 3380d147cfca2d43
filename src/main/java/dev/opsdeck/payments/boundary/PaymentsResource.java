package dev.opsdeck.payments.boundary;

import dev.opsdeck.payments.control.PaymentSearch;
import dev.opsdeck.payments.entity.Payment;
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

@Path("v1/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.SERVICE})
public class PaymentsResource {

    @PersistenceContext
    EntityManager em;

    @GET
    @Operation(summary = "Payments in id order, filtered, one keyset page at a time")
    @APIResponse(responseCode = "200", description = "A page of payments and the cursor of the next one")
    @APIResponse(responseCode = "422", description = "A filter, limit or cursor is wrong; the field is named")
    public KeysetPage<PaymentView> list(@QueryParam("status") @Parameter(description = "e.g. pending, settled, failed, refund_requested, refunded") String status,
                                        @QueryParam("currency") @Parameter(description = "ISO 4217, e.g. EUR") String currency,
                                        @QueryParam("account_id") @Parameter(description = "account UUID") String accountId,
                                        @QueryParam("limit") @Parameter(description = "1 to 500, default 50") String limit,
                                        @QueryParam("cursor") @Parameter(description = "next_cursor of the previous page") String cursor) {
        int size = Parameters.limit(limit);
        var filter = new PaymentSearch.Filter(Parameters.status(status), Parameters.currency(currency),
                Parameters.uuid("account_id", accountId));
        return PaymentSearch.page(em, filter, Parameters.cursor(cursor), size).map(PaymentView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One payment")
    @APIResponse(responseCode = "200", description = "The payment as last synced")
    @APIResponse(responseCode = "404", description = "No event has created or updated this payment yet")
    public PaymentView one(@PathParam("id") String id) {
        Payment payment = em.find(Payment.class, Parameters.requiredUuid("id", id));
        if (payment == null) {
            throw new NotFoundException("no payment " + id);
        }
        return PaymentView.of(payment);
    }
}
