package dev.opsdeck.accounts.control;

import dev.opsdeck.goservices.control.GoServices;
import dev.opsdeck.goservices.control.RemoteCall;
import dev.opsdeck.goservices.control.ServiceAnswer;
import dev.opsdeck.goservices.control.ServiceEndpoint;
import dev.opsdeck.goservices.control.ServiceNoAnswerException;
import dev.opsdeck.goservices.control.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Calls to the accounts service, freeze and unfreeze through one method so that they share one circuit breaker
 * and one bulkhead. Each call is one HTTP request; retries are the outbox's, with the command's idempotency key.
 */
@ApplicationScoped
public class AccountsService {

    @Inject
    GoServices services;

    private volatile AccountsServiceClient client;

    public ServiceEndpoint endpoint() {
        return services.settings().accounts();
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            failOn = {ServiceNoAnswerException.class, ServiceUnavailableException.class})
    @Bulkhead(8)
    public ServiceAnswer change(UUID accountId, boolean freeze, UUID idempotencyKey, String reason, String requestedBy) {
        ServiceEndpoint endpoint = endpoint();
        AccountsServiceClient accounts = client(endpoint);
        return RemoteCall.call("accounts", () -> freeze
                ? accounts.freeze(accountId, endpoint.bearer(), idempotencyKey, RemoteCall.body(reason, requestedBy))
                : accounts.unfreeze(accountId, endpoint.bearer(), idempotencyKey, RemoteCall.body(reason, requestedBy)));
    }

    private AccountsServiceClient client(ServiceEndpoint endpoint) {
        if (client == null) {
            client = RemoteCall.client(endpoint, AccountsServiceClient.class);
        }
        return client;
    }
}
