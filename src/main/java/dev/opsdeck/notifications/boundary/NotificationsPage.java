package dev.opsdeck.notifications.boundary;

import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.notifications.control.Durations;
import dev.opsdeck.notifications.control.InvalidRuleException;
import dev.opsdeck.notifications.control.NotificationAdministration;
import dev.opsdeck.notifications.control.NotificationCheck;
import dev.opsdeck.notifications.control.Notifications;
import dev.opsdeck.notifications.control.RuleDraft;
import dev.opsdeck.notifications.entity.ConditionState;
import dev.opsdeck.notifications.entity.NotificationKind;
import dev.opsdeck.notifications.entity.NotificationRule;
import dev.opsdeck.security.boundary.SignedInUser;
import dev.opsdeck.security.entity.Action;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Notifications page (admins): the rules, a form to add or change one, and each condition's state. */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Notifications notifications;

    @Inject
    NotificationAdministration administration;

    @Inject
    SecurityContext security;

    @Inject
    SignedInUser signedIn;

    private Long editing;
    private String kind = NotificationKind.DEAD_LETTERS.label();
    private Long threshold = 10L;
    private String stream = "";
    private String recipients;
    private boolean enabled = true;

    public List<NotificationRule> getRules() throws SQLException {
        return notifications.rules().list();
    }

    public List<ConditionState> getConditions() throws SQLException {
        return notifications.conditions();
    }

    /** Each rule's title by id, for the conditions' table. */
    public Map<Long, String> getRuleTitles() throws SQLException {
        return getRules().stream().collect(Collectors.toMap(NotificationRule::id, NotificationRule::title, (a, b) -> a));
    }

    public boolean isMailConfigured() {
        return notifications.mailConfigured();
    }

    public String getQuietPeriod() {
        return Durations.words(notifications.quietPeriod());
    }

    public String getCheckInterval() {
        return Durations.words(notifications.checkInterval());
    }

    public NotificationCheck.LastCheck getLast() throws SQLException {
        return notifications.lastCheck().orElse(null);
    }

    public List<SelectItem> getKinds() {
        return Arrays.stream(NotificationKind.values()).map(k -> new SelectItem(k.label(), k.title())).toList();
    }

    public List<SelectItem> getStreams() {
        List<SelectItem> streams = new java.util.ArrayList<>();
        streams.add(new SelectItem("", "every stream"));
        Arrays.stream(Stream.values()).map(Stream::label).forEach(s -> streams.add(new SelectItem(s, s)));
        return streams;
    }

    public void edit(long id) throws SQLException {
        notifications.rules().find(id).ifPresent(rule -> {
            editing = rule.id();
            kind = rule.kind().label();
            threshold = rule.threshold();
            stream = rule.stream() == null ? "" : rule.stream();
            recipients = String.join(", ", rule.recipients());
            enabled = rule.enabled();
        });
    }

    public void clear() {
        editing = null;
        kind = NotificationKind.DEAD_LETTERS.label();
        threshold = 10L;
        stream = "";
        recipients = null;
        enabled = true;
    }

    public void save() throws SQLException {
        if (!allowed()) {
            return;
        }
        try {
            RuleDraft draft = RuleDraft.of(kind, threshold, stream, recipients, enabled);
            if (editing == null) {
                NotificationRule rule = administration.create(draft, signedIn.getName(), signedIn.getClientAddress());
                message(FacesMessage.SEVERITY_INFO, "Added: " + rule.title());
            } else {
                administration.update(editing, draft, signedIn.getName(), signedIn.getClientAddress()).ifPresentOrElse(
                        rule -> message(FacesMessage.SEVERITY_INFO, "Saved: " + rule.title()),
                        () -> message(FacesMessage.SEVERITY_WARN, "That rule no longer exists"));
            }
            clear();
        } catch (InvalidRuleException e) {
            FacesContext.getCurrentInstance().addMessage("rule:" + field(e.field()),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            message(FacesMessage.SEVERITY_ERROR, "Not saved: " + e.getMessage());
        }
    }

    /** Turns a rule on or off, keeping the rest of it. */
    public void toggle(long id) throws SQLException {
        if (!allowed()) {
            return;
        }
        NotificationRule rule = notifications.rules().find(id).orElse(null);
        if (rule == null) {
            message(FacesMessage.SEVERITY_WARN, "That rule no longer exists");
            return;
        }
        RuleDraft draft = new RuleDraft(rule.kind(), rule.threshold(), rule.stream(), rule.recipients(), !rule.enabled());
        administration.update(id, draft, signedIn.getName(), signedIn.getClientAddress());
        message(FacesMessage.SEVERITY_INFO, (rule.enabled() ? "Disabled: " : "Enabled: ") + rule.title());
    }

    private static String field(String field) {
        return List.of("kind", "threshold", "stream", "recipients").contains(field) ? field : "recipients";
    }

    private boolean allowed() {
        if (!Action.NOTIFICATIONS_ADMINISTER.allows(security::isCallerInRole)) {
            message(FacesMessage.SEVERITY_ERROR, Action.NOTIFICATIONS_ADMINISTER.refusal());
            return false;
        }
        return true;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public Long getEditing() {
        return editing;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Long getThreshold() {
        return threshold;
    }

    public void setThreshold(Long threshold) {
        this.threshold = threshold;
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
