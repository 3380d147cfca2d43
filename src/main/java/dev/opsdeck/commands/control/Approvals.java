package dev.opsdeck.commands.control;

import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.commands.control.ActionRefusedException.Why;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.CommandState;
import dev.opsdeck.schema.control.Schema;
import dev.opsdeck.security.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;

/** Four eyes: a second operator approves (and it is sent) or rejects a command held for approval; both are audited. */
@ApplicationScoped
public class Approvals {

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    ActionRequests requests;

    @Inject
    CommandDispatcher dispatcher;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();
    private CommandStore store;

    @PostConstruct
    void build() {
        store = new CommandStore(dataSource);
    }

    public ActionCommand approve(UUID commandId, Caller approver, String clientAddress) {
        ActionCommand command = awaitingApproval(commandId, approver);
        return decide(command, CommandState.PENDING, approver, clientAddress, "approved",
                "approved by " + approver.name() + "; queued", null);
    }

    public ActionCommand reject(UUID commandId, Caller approver, String reason, String clientAddress) {
        String why = Reasons.check(reason);
        ActionCommand command = awaitingApproval(commandId, approver);
        return decide(command, CommandState.REJECTED, approver, clientAddress, "declined",
                "not sent: approval refused by " + approver.name() + ": " + why, why);
    }

    private ActionCommand awaitingApproval(UUID commandId, Caller approver) {
        ActionRequests.requireActor(approver);
        ActionCommand command = requests.find(commandId).orElseThrow(() ->
                new ActionRefusedException(Why.NOT_FOUND, null, "no command " + commandId));
        if (command.state() != CommandState.AWAITING_APPROVAL) {
            throw new ActionRefusedException(Why.NOT_ELIGIBLE, null, "command " + commandId + " is "
                    + command.state().label() + ", not awaiting approval");
        }
        if (command.requestedBy().equals(approver.name())) {
            throw new ActionRefusedException(Why.FORBIDDEN, null, "a second operator must decide: " + approver.name()
                    + " requested command " + commandId);
        }
        return command;
    }

    private ActionCommand decide(ActionCommand command, CommandState to, Caller approver, String clientAddress,
                                 String step, String outcome, String reason) {
        try {
            if (!store.decide(command.id(), to, approver.name(), outcome, clock.instant())) {
                throw new ActionRefusedException(Why.NOT_ELIGIBLE, null, "command " + command.id() + " was decided meanwhile");
            }
            audit.record(AuditRecord.of(approver.name(), clientAddress, command.kind().audit(step), step)
                    .on(command.kind().targetType(), command.targetId().toString())
                    .details("command " + command.id() + " requested by " + command.requestedBy()
                            + (reason == null ? "" : ", reason: " + reason)));
            if (to == CommandState.PENDING) {
                dispatcher.dispatchSoon(command.id());
            }
            return requests.find(command.id()).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("the decision could not be stored: " + e.getMessage(), e);
        }
    }
}
