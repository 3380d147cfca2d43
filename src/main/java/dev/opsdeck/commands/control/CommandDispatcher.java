package dev.opsdeck.commands.control;

import dev.opsdeck.accounts.control.AccountsService;
import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.commands.entity.CommandState;
import dev.opsdeck.goservices.control.GoServices;
import dev.opsdeck.goservices.control.RemoteCall;
import dev.opsdeck.goservices.control.ServiceAnswer;
import dev.opsdeck.goservices.control.ServiceNoAnswerException;
import dev.opsdeck.goservices.control.ServiceUnavailableException;
import dev.opsdeck.payments.control.PaymentsService;
import dev.opsdeck.tracing.control.ApplicationTracer;
import dev.opsdeck.tracing.control.Spans;
import dev.opsdeck.tracing.entity.SpanAttributes;
import io.opentelemetry.context.Context;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Sends stored commands: claims one, calls its service with the command's idempotency key, and records what the
 * answer means. Nothing sent (not configured, circuit open, refused connection) fails a command that was never
 * sent before, truthfully as "not sent"; no answer (timeout, 5xx) leaves it {@code sent} and due again with
 * back-off, the same key each time, until {@code actions.max-attempts} are spent.
 */
@ApplicationScoped
public class CommandDispatcher {

    private static final Logger LOG = Logger.getLogger(CommandDispatcher.class.getName());
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    PaymentsService payments;

    @Inject
    AccountsService accounts;

    @Inject
    GoServices services;

    @Inject
    AuditTrail audit;

    @Inject
    ApplicationTracer tracing;

    @Inject
    CommandMetrics metrics;

    @Inject
    CommandOutcomes outcomes;

    @Inject
    @ConfigProperty(name = "actions.max-attempts", defaultValue = "8")
    int maxAttempts;

    Clock clock = Clock.systemUTC();
    private CommandStore store;
    private volatile boolean stopping;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void build() {
        store = new CommandStore(dataSource);
    }

    /** Sends a command just stored without waiting for the next tick; if this fails, the tick sends it. */
    public void dispatchSoon(UUID id) {
        // the request's trace goes on into the call to the Go service: its traceparent continues the operator's request
        executor.execute(Context.current().wrap(() -> {
            try {
                dispatch(Optional.of(id));
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Command " + id + " not sent now; the next tick tries again", e);
            }
        }));
    }

    /** Sends due commands, one claim at a time, at most {@code max}; returns how many were attempted. */
    public int dispatchDue(int max) throws SQLException {
        int attempted = 0;
        while (attempted < max && dispatch(Optional.empty())) {
            attempted++;
        }
        return attempted;
    }

    boolean dispatch(Optional<UUID> id) throws SQLException {
        if (stopping) {
            return false;
        }
        Instant now = clock.instant();
        Duration deadline = services.settings().payments().deadline().plus(services.settings().payments().connectTimeout());
        Instant leaseEnd = now.plus(deadline.multipliedBy(3)).plusSeconds(30);
        Optional<CommandStore.Claim> claim = store.claim(id, now, leaseEnd);
        if (claim.isEmpty()) {
            return false;
        }
        UUID claimed = claim.get().command().id();
        inFlight.add(claimed);
        try {
            Spans.inSpan(tracing.span("command dispatch")
                    .setAttribute(SpanAttributes.COMMAND_ID, claimed.toString())
                    .setAttribute(SpanAttributes.COMMAND_KIND, claim.get().command().kind().name().toLowerCase(java.util.Locale.ROOT))
                    .setAttribute(SpanAttributes.AGGREGATE_ID, claim.get().command().targetId().toString()),
                    () -> attempt(claim.get()));
        } finally {
            inFlight.remove(claimed);
            outcomes.changed(claimed);
        }
        return true;
    }

    /** Claims nothing more; for a signal handler that must not block. */
    public void stopClaiming() {
        stopping = true;
    }

    /**
     * Claims nothing more, waits at most {@code wait} for the calls under way, and makes the commands whose call is
     * still under way due again at once, so that another instance retries them (with the same idempotency key)
     * instead of waiting for this instance's lease to run out. Returns how many it handed back.
     */
    public int stop(Duration wait) throws InterruptedException, SQLException {
        stopping = true;
        long deadline = System.nanoTime() + wait.toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        int handedBack = 0;
        for (UUID id : Set.copyOf(inFlight)) {
            if (store.handBack(id, clock.instant())) {
                handedBack++;
                LOG.info(() -> "Command " + id + " handed back: its call was still under way when this instance stopped");
            }
        }
        return handedBack;
    }

    private void attempt(CommandStore.Claim claim) throws SQLException {
        ActionCommand command = claim.command();
        String service = command.kind().service();
        try {
            ServiceAnswer answer = send(command);
            Instant now = clock.instant();
            if (answer.accepted()) {
                finish(command, CommandState.ACCEPTED, answer.status(), answer.message(),
                        "accepted by the " + service + " service", "accepted", now);
            } else {
                finish(command, CommandState.REJECTED, answer.status(), answer.message(),
                        "rejected by the " + service + " service (" + answer.status() + "): " + answer.message(), "rejected", now);
            }
        } catch (ServiceUnavailableException | CircuitBreakerOpenException | BulkheadException notSent) {
            String why = notSent instanceof CircuitBreakerOpenException ? service + " service unavailable (circuit open)"
                    : notSent instanceof BulkheadException ? service + " service busy (too many calls in progress)"
                    : notSent.getMessage();
            Instant now = clock.instant();
            if (claim.before() == CommandState.PENDING) {
                if (store.unsent(command.id(), CommandState.FAILED, why, "not sent: " + why, null, now)) {
                    record(command, "failed", "failed", "not sent: " + why);
                }
            } else {
                retryOrGiveUp(command, null, why);
            }
        } catch (ServiceNoAnswerException noAnswer) {
            retryOrGiveUp(command, noAnswer.status(), noAnswer.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "Command " + command.id() + ": unexpected failure of its call", unexpected);
            retryOrGiveUp(command, null, service + " service: call failed: " + unexpected);
        }
    }

    private ServiceAnswer send(ActionCommand command) {
        if (command.kind() == ActionKind.REFUND) {
            if (!payments.endpoint().configured()) {
                throw RemoteCall.notConfigured(payments.endpoint());
            }
            return payments.refund(command.targetId(), command.idempotencyKey(), command.reason(), command.requestedBy());
        }
        if (!accounts.endpoint().configured()) {
            throw RemoteCall.notConfigured(accounts.endpoint());
        }
        return accounts.change(command.targetId(), command.kind() == ActionKind.FREEZE, command.idempotencyKey(),
                command.reason(), command.requestedBy());
    }

    private void retryOrGiveUp(ActionCommand command, Integer status, String message) throws SQLException {
        Instant now = clock.instant();
        if (command.attempts() >= maxAttempts) {
            finish(command, CommandState.FAILED, status, message, "no answer after " + command.attempts()
                    + " attempts; the " + command.kind().service() + " service may have acted: " + message, "failed", now);
            return;
        }
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(16, command.attempts() - 1));
        Instant next = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
        store.retryLater(command.id(), status, message, "sent, no answer yet (" + message
                + "); retrying with the same idempotency key", next, now);
    }

    private void finish(ActionCommand command, CommandState to, Integer status, String message, String outcome,
                        String step, Instant now) throws SQLException {
        if (store.finish(command.id(), to, status, message, outcome, now)) {
            record(command, step, step, outcome);
        }
    }

    private void record(ActionCommand command, String step, String outcome, String details) {
        metrics.outcome(command.kind(), outcome);
        audit.record(AuditRecord.of(command.requestedBy(), command.clientAddress(), command.kind().audit(step), outcome)
                .on(command.kind().targetType(), command.targetId().toString())
                .details("command " + command.id() + ": " + details));
    }
}
