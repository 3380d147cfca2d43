package dev.opsdeck.notifications.control;

import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.notifications.entity.NotificationRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;

/** What an admin changes in the notification rules, the same from the console and the API, each change audited. */
@ApplicationScoped
public class NotificationAdministration {

    public static final String RULE_CREATED = "notification.rule-created";
    public static final String RULE_CHANGED = "notification.rule-changed";
    public static final String RULE_DISABLED = "notification.rule-disabled";

    @Inject
    Notifications notifications;

    @Inject
    AuditTrail audit;

    public NotificationRule create(RuleDraft draft, String actor, String clientAddress) throws SQLException {
        long id = notifications.rules().create(draft, actor, notifications.clock().instant());
        NotificationRule rule = notifications.rules().find(id).orElseThrow();
        audit.record(AuditRecord.of(actor, clientAddress, RULE_CREATED, "succeeded").on("notification_rule", String.valueOf(id))
                .details(describe(rule)));
        return rule;
    }

    /** Empty if there is no such rule. A change that turns the rule off is audited as disabling it. */
    public Optional<NotificationRule> update(long id, RuleDraft draft, String actor, String clientAddress) throws SQLException {
        Optional<NotificationRule> before = notifications.rules().find(id);
        if (before.isEmpty() || !notifications.rules().update(id, draft, actor, notifications.clock().instant())) {
            return Optional.empty();
        }
        NotificationRule after = notifications.rules().find(id).orElseThrow();
        String action = before.get().enabled() && !after.enabled() ? RULE_DISABLED : RULE_CHANGED;
        audit.record(AuditRecord.of(actor, clientAddress, action, "succeeded").on("notification_rule", String.valueOf(id))
                .details("was " + describe(before.get()) + "; now " + describe(after)));
        return Optional.of(after);
    }

    static String describe(NotificationRule rule) {
        return rule.title() + " to " + String.join(", ", rule.recipients()) + (rule.enabled() ? "" : " (disabled)");
    }
}
