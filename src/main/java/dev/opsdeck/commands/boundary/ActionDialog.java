package dev.opsdeck.commands.boundary;

import dev.opsdeck.accounts.entity.Account;
import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.commands.control.ActionRequests;
import dev.opsdeck.commands.control.CommandOutcomes;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.tables.boundary.Formats;
import dev.opsdeck.security.boundary.SignedInUser;
import dev.opsdeck.payments.entity.Payment;
import dev.opsdeck.security.entity.Caller;
import dev.opsdeck.security.entity.Role;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.primefaces.PrimeFaces;

/**
 * The confirmation dialog of an action on selected records (refund payments, freeze or unfreeze accounts): shows
 * what will be asked and what is skipped and why, takes the reason, then shows each item's outcome.
 */
@Named
@ViewScoped
public class ActionDialog implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Duration WAIT_FOR_ANSWERS = Duration.ofSeconds(12);

    @Inject
    ActionRequests actions;

    @Inject
    CommandOutcomes commandOutcomes;

    @Inject
    SignedInUser user;

    @Inject
    AuditTrail audit;

    @Inject
    Formats formats;

    private ActionKind kind;
    private final List<Item> eligible = new ArrayList<>();
    private final List<Item> skipped = new ArrayList<>();
    private final List<Item> outcomes = new ArrayList<>();
    private String reason;

    /** One record in the dialog, with what the dialog says about it. */
    public static final class Item implements Serializable {
        private static final long serialVersionUID = 1L;
        private final UUID id;
        private final String amount;
        private final String currency;
        private final long cents;
        private String state;
        private String message;

        Item(UUID id, String amount, String currency, long cents, String state, String message) {
            this.id = id;
            this.amount = amount;
            this.currency = currency;
            this.cents = cents;
            this.state = state;
            this.message = message;
        }

        public UUID getId() {
            return id;
        }

        public String getAmount() {
            return amount;
        }

        public String getState() {
            return state;
        }

        public String getMessage() {
            return message;
        }
    }

    public void refund(List<Payment> selected) {
        List<Item> items = new ArrayList<>();
        for (Payment payment : selected) {
            items.add(new Item(payment.getPaymentId(), formats.money(payment.getAmountCents(), payment.getCurrency()),
                    payment.getCurrency().trim(), payment.getAmountCents(), payment.getStatus(), null));
        }
        open(ActionKind.REFUND, items);
    }

    public void freeze(List<Account> selected) {
        open(ActionKind.FREEZE, accounts(selected));
    }

    public void unfreeze(List<Account> selected) {
        open(ActionKind.UNFREEZE, accounts(selected));
    }

    public void confirm() {
        if (!allowed()) {
            return;
        }
        try {
            dev.opsdeck.commands.control.Reasons.check(reason);
        } catch (dev.opsdeck.commands.control.ActionRefusedException e) {
            error("Reason " + e.getMessage());
            return;
        }
        Caller caller = new Caller(user.getName(), Role.granted(user.getRole()));
        List<UUID> ids = eligible.stream().map(Item::getId).toList();
        List<ActionRequests.ItemOutcome> requested;
        try {
            requested = request(ids, caller);
        } catch (RuntimeException e) {
            error(e.getMessage());
            return;
        }
        outcomes.clear();
        Instant until = Instant.now().plus(WAIT_FOR_ANSWERS);
        for (ActionRequests.ItemOutcome outcome : requested) {
            Item item = eligible.stream().filter(i -> i.id.equals(outcome.targetId())).findFirst().orElseThrow();
            if (!outcome.queued()) {
                outcomes.add(new Item(item.id, item.amount, item.currency, item.cents, "skipped", outcome.message()));
                continue;
            }
            Duration left = Duration.between(Instant.now(), until);
            ActionCommand command = commandOutcomes.await(outcome.command().id(), left.isNegative() ? Duration.ZERO : left);
            outcomes.add(new Item(item.id, item.amount, item.currency, item.cents, command.state().label(),
                    ActionRequests.describe(command)));
        }
    }

    private List<ActionRequests.ItemOutcome> request(List<UUID> ids, Caller caller) {
        switch (kind) {
            case REFUND:
                return actions.requestRefunds(ids, reason, caller, user.getClientAddress());
            case FREEZE:
                return actions.requestFreezes(ids, reason, caller, user.getClientAddress());
            default:
                return actions.requestUnfreezes(ids, reason, caller, user.getClientAddress());
        }
    }

    private void open(ActionKind newKind, List<Item> items) {
        kind = newKind;
        eligible.clear();
        skipped.clear();
        outcomes.clear();
        reason = null;
        if (!allowed()) {
            return;
        }
        if (items.isEmpty()) {
            error("Select one or more rows first");
            return;
        }
        for (Item item : items) {
            if (kind.eligibleStatus().equals(item.state)) {
                eligible.add(item);
            } else {
                item.message = "status is " + item.state + "; only " + kind.eligibleStatus() + " " + kind.targetType()
                        + "s can be asked to " + kind.label();
                skipped.add(item);
            }
        }
        PrimeFaces.current().ajax().update("action-form");
        PrimeFaces.current().executeScript("PF('actionDialog').show()");
    }

    /** Checked on the server whatever the page showed: only operators and admins act. */
    private boolean allowed() {
        if (user.isOperator()) {
            return true;
        }
        audit.record(AuditRecord.of(user.getName(), user.getClientAddress(), kind.audit("requested"), "refused")
                .details("the " + user.getRole() + " role may not act"));
        error("Only an operator or admin may " + kind.label() + "; your role is " + user.getRole());
        return false;
    }

    private List<Item> accounts(List<Account> selected) {
        List<Item> items = new ArrayList<>();
        for (Account account : selected) {
            items.add(new Item(account.getAccountId(), formats.money(account.getBalanceCents(), account.getCurrency()),
                    account.getCurrency().trim(), account.getBalanceCents(), account.getStatus(), null));
        }
        return items;
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String getTitle() {
        if (kind == null) {
            return "";
        }
        return kind == ActionKind.REFUND ? "Request refunds" : kind == ActionKind.FREEZE ? "Freeze accounts" : "Unfreeze accounts";
    }

    public String getVerb() {
        return kind == null ? "" : kind.label();
    }

    /** Totals per currency of what will be asked, never summed across currencies. */
    public List<String> getTotals() {
        Map<String, Long> totals = new TreeMap<>();
        eligible.forEach(item -> totals.merge(item.currency, item.cents, Long::sum));
        return totals.entrySet().stream().map(total -> formats.money(total.getValue(), total.getKey())).toList();
    }

    public boolean isRefund() {
        return kind == ActionKind.REFUND;
    }

    public List<Item> getEligible() {
        return eligible;
    }

    public List<Item> getSkipped() {
        return skipped;
    }

    public List<Item> getOutcomes() {
        return outcomes;
    }

    public boolean isDone() {
        return !outcomes.isEmpty();
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
