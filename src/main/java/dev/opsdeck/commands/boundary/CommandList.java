package dev.opsdeck.commands.boundary;

import dev.opsdeck.commands.control.ActionRefusedException;
import dev.opsdeck.commands.control.ActionRequests;
import dev.opsdeck.commands.control.Approvals;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.CommandState;
import dev.opsdeck.security.boundary.SignedInUser;
import dev.opsdeck.security.entity.Action;
import dev.opsdeck.security.entity.Caller;
import dev.opsdeck.security.entity.Role;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Actions page: every requested action as it stands, and approval or rejection of those held for four eyes. */
@Named
@ViewScoped
public class CommandList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 200;

    @Inject
    ActionRequests actions;

    @Inject
    Approvals approvals;

    @Inject
    SignedInUser user;

    @Inject
    SecurityContext security;

    /** Why the list is empty for this caller, or null when they may read commands. */
    public String getRefusal() {
        return Action.COMMANDS_READ.allows(security::isCallerInRole) ? null : Action.COMMANDS_READ.refusal();
    }

    private String state;
    private String rejection;

    /** A command as the page shows it (EL reads getters, not record components). */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ActionCommand command;

        Row(ActionCommand command) {
            this.command = command;
        }

        public UUID getId() {
            return command.id();
        }

        public String getKind() {
            return command.kind().label();
        }

        public String getTargetType() {
            return command.kind().targetType();
        }

        public UUID getTargetId() {
            return command.targetId();
        }

        public String getState() {
            return command.state().label();
        }

        public String getOutcome() {
            return ActionRequests.describe(command);
        }

        public String getReason() {
            return command.reason();
        }

        public String getRequestedBy() {
            return command.requestedBy();
        }

        public Instant getRequestedAt() {
            return command.requestedAt();
        }

        public int getAttempts() {
            return command.attempts();
        }

        public boolean isAwaitingApproval() {
            return command.state() == CommandState.AWAITING_APPROVAL;
        }

        public boolean isOverdue() {
            return command.confirmationOverdue();
        }

        public String getParameters() {
            return command.parameters();
        }
    }

    public List<Row> getRows() {
        if (!Action.COMMANDS_READ.allows(security::isCallerInRole)) {
            return List.of();
        }
        Optional<CommandState> filter = state == null || state.isBlank() ? Optional.empty() : CommandState.of(state);
        return actions.page(filter, Optional.empty(), Optional.empty(), SHOWN).items().stream().map(Row::new).toList();
    }

    public List<String> getStates() {
        return java.util.Arrays.stream(CommandState.values()).map(CommandState::label).toList();
    }

    public void approve(UUID id) {
        decide(id, true);
    }

    public void reject(UUID id) {
        decide(id, false);
    }

    private void decide(UUID id, boolean approve) {
        if (!Action.COMMANDS_DECIDE.allows(security::isCallerInRole)) {
            message(FacesMessage.SEVERITY_ERROR, Action.COMMANDS_DECIDE.refusal() + "; your role is " + user.getRole());
            return;
        }
        Caller caller = new Caller(user.getName(), Role.granted(user.getRole()));
        try {
            ActionCommand command = approve ? approvals.approve(id, caller, user.getClientAddress())
                    : approvals.reject(id, caller, rejection, user.getClientAddress());
            message(FacesMessage.SEVERITY_INFO, (approve ? "Approved: " : "Rejected: ") + ActionRequests.describe(command));
            rejection = null;
        } catch (ActionRefusedException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getRejection() {
        return rejection;
    }

    public void setRejection(String rejection) {
        this.rejection = rejection;
    }
}
