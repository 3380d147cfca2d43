package dev.opsdeck.commands.control;

import dev.opsdeck.api.control.KeysetCursor.TimeAndId;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.commands.control.ActionRefusedException.Why;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.commands.entity.CommandState;
import dev.opsdeck.schema.control.Schema;
import dev.opsdeck.security.entity.Caller;
import dev.opsdeck.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The way in for every action, from the API and from the console: checks the request and the target's
 * eligibility, stores the command (the outbox), audits it and has it sent. A second operator's decision is
 * {@link Approvals}'; waiting for an outcome is {@link CommandOutcomes}'.
 */
@ApplicationScoped
public class ActionRequests {

    /** What became of one item of a request: queued (with its command) or skipped, and why. */
    public record ItemOutcome(UUID targetId, boolean queued, ActionCommand command, String message) {
    }

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    CommandDispatcher dispatcher;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = FourEyes.KEY)
    Optional<String> fourEyesThreshold;

    Clock clock = Clock.systemUTC();
    private CommandStore store;
    private CommandQueries queries;
    private ReadModelTargets targets;
    private FourEyes fourEyes;

    @PostConstruct
    void build() {
        store = new CommandStore(dataSource);
        queries = new CommandQueries(dataSource);
        targets = new ReadModelTargets(dataSource);
        fourEyes = FourEyes.parse(fourEyesThreshold);
    }

    public List<ItemOutcome> requestRefunds(List<UUID> paymentIds, String reason, Caller requester, String clientAddress) {
        return requestAll(ActionKind.REFUND, paymentIds, reason, requester, clientAddress);
    }

    public List<ItemOutcome> requestFreezes(List<UUID> accountIds, String reason, Caller requester, String clientAddress) {
        return requestAll(ActionKind.FREEZE, accountIds, reason, requester, clientAddress);
    }

    public List<ItemOutcome> requestUnfreezes(List<UUID> accountIds, String reason, Caller requester, String clientAddress) {
        return requestAll(ActionKind.UNFREEZE, accountIds, reason, requester, clientAddress);
    }

    private List<ItemOutcome> requestAll(ActionKind kind, List<UUID> ids, String reason, Caller requester, String clientAddress) {
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            try {
                ActionCommand command = request(kind, id, reason, requester, clientAddress, Optional.empty());
                outcomes.add(new ItemOutcome(id, true, command, describe(command)));
            } catch (ActionRefusedException refused) {
                outcomes.add(new ItemOutcome(id, false, null, "skipped: " + refused.getMessage()));
            }
        }
        return outcomes;
    }

    /**
     * Stores one command and has it sent, or refuses with {@link ActionRefusedException}. With a client key, the
     * same key from the same caller returns the command it made the first time.
     */
    public ActionCommand request(ActionKind kind, UUID targetId, String reason, Caller requester, String clientAddress,
                                 Optional<String> clientKey) {
        requireActor(requester);
        String why = Reasons.check(reason);
        Optional<String> key = clientKey.map(String::trim).filter(k -> !k.isEmpty());
        if (key.isPresent() && key.get().length() > 200) {
            throw new ActionRefusedException(Why.INVALID, "Idempotency-Key", "at most 200 characters");
        }
        try {
            if (key.isPresent()) {
                Optional<ActionCommand> earlier = queries.findByClientKey(requester.name(), key.get());
                if (earlier.isPresent()) {
                    return sameRequest(earlier.get(), kind, targetId);
                }
            }
            ReadModelTargets.Target target = targets.find(kind, targetId).orElseThrow(() -> refused(kind, targetId,
                    requester, clientAddress, Why.NOT_FOUND, "no " + kind.targetType() + " " + targetId));
            if (!target.status().equals(kind.eligibleStatus())) {
                throw refused(kind, targetId, requester, clientAddress, Why.NOT_ELIGIBLE, kind.targetType() + " " + targetId
                        + " is " + target.status() + "; only a " + kind.eligibleStatus() + " " + kind.targetType()
                        + " can be asked to " + kind.label());
            }
            Optional<ActionCommand> open = queries.openFor(targetId, kind);
            if (open.isPresent()) {
                throw refused(kind, targetId, requester, clientAddress, Why.NOT_ELIGIBLE, "a " + kind.label() + " of "
                        + kind.targetType() + " " + targetId + " is already under way (command " + open.get().id()
                        + ", " + open.get().state().label() + ")");
            }
            Instant now = clock.instant();
            boolean held = kind == ActionKind.REFUND && fourEyes.needsApproval(target.amountCents());
            ActionCommand command = new ActionCommand(UUID.randomUUID(), UUID.randomUUID(), key.orElse(null), kind, targetId,
                    target.parameters(), why, requester.name(), clientAddress, now,
                    held ? CommandState.AWAITING_APPROVAL : CommandState.PENDING,
                    held ? "awaiting approval by a second operator (amount above " + fourEyes + ")" : "queued",
                    0, null, null, held ? null : now, null, null, null, null, null, false, now);
            try {
                store.insert(command);
            } catch (SQLException e) {
                if (key.isPresent() && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return sameRequest(queries.findByClientKey(requester.name(), key.get()).orElseThrow(() -> e), kind, targetId);
                }
                throw e;
            }
            audit.record(AuditRecord.of(requester.name(), clientAddress, kind.audit("requested"),
                            held ? "awaiting_approval" : "queued")
                    .on(kind.targetType(), targetId.toString())
                    .details("command " + command.id() + ", reason: " + why));
            if (!held) {
                dispatcher.dispatchSoon(command.id());
            }
            return command;
        } catch (SQLException e) {
            throw new IllegalStateException("the action could not be stored: " + e.getMessage(), e);
        }
    }

    public Optional<ActionCommand> find(UUID commandId) {
        try {
            return queries.find(commandId);
        } catch (SQLException e) {
            throw new IllegalStateException("commands cannot be read: " + e.getMessage(), e);
        }
    }

    public KeysetPage<ActionCommand> page(Optional<CommandState> state, Optional<UUID> targetId,
                                          Optional<TimeAndId> after, int size) {
        try {
            return queries.page(state, targetId, after, size);
        } catch (SQLException e) {
            throw new IllegalStateException("commands cannot be read: " + e.getMessage(), e);
        }
    }

    /** One line for people: what happened to the command, with the service's message when it refused. */
    public static String describe(ActionCommand command) {
        switch (command.state()) {
            case PENDING:
                return "queued, not sent yet";
            case SENT:
                return command.outcome() == null || command.outcome().equals("queued") ? "sent, waiting for the answer" : command.outcome();
            default:
                return command.outcome() == null ? command.state().label() : command.outcome();
        }
    }

    static void requireActor(Caller caller) {
        if (caller == null || !(caller.roles().contains(Role.OPERATOR) || caller.roles().contains(Role.ADMIN))) {
            throw new ActionRefusedException(Why.FORBIDDEN, null, (caller == null ? "nobody" : caller.name())
                    + " may not act: the operator or admin role is needed");
        }
    }

    private ActionRefusedException refused(ActionKind kind, UUID targetId, Caller requester, String clientAddress,
                                           Why why, String message) {
        audit.record(AuditRecord.of(requester.name(), clientAddress, kind.audit("requested"), "refused")
                .on(kind.targetType(), targetId.toString()).details(message));
        return new ActionRefusedException(why, null, message);
    }

    private static ActionCommand sameRequest(ActionCommand earlier, ActionKind kind, UUID targetId) {
        if (earlier.kind() != kind || !earlier.targetId().equals(targetId)) {
            throw new ActionRefusedException(Why.NOT_ELIGIBLE, null, "Idempotency-Key already used for command "
                    + earlier.id() + " (" + earlier.kind().label() + " of " + earlier.targetId() + ")");
        }
        return earlier;
    }
}
