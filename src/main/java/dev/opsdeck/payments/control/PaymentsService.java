package dev.opsdeck.payments.control;

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
 * Calls to the payments service, guarded as one: a circuit breaker that opens after repeated failures and a
 * bulkhead so that a slow service holds few threads. Each call is one HTTP request, so a refused call
 * (circuit open) truthfully sent nothing; retries are the outbox's, with the command's idempotency key.
 */
@ApplicationScoped
public class PaymentsService {

    @Inject
    GoServices services;

    private volatile PaymentsServiceClient client;

    public ServiceEndpoint endpoint() {
        return services.settings().payments();
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            failOn = {ServiceNoAnswerException.class, ServiceUnavailableException.class})
    @Bulkhead(8)
    public ServiceAnswer refund(UUID paymentId, UUID idempotencyKey, String reason, String requestedBy) {
        ServiceEndpoint endpoint = endpoint();
        return RemoteCall.call("payments", () -> client(endpoint).refund(paymentId, endpoint.bearer(), idempotencyKey,
                RemoteCall.body(reason, requestedBy)));
    }

    private PaymentsServiceClient client(ServiceEndpoint endpoint) {
        if (client == null) {
            client = RemoteCall.client(endpoint, PaymentsServiceClient.class);
        }
        return client;
    }
}
