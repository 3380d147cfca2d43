package dev.opsdeck.mail.control;

import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.mail.entity.MailMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What an admin does to mail, the same from the console and the API, each step audited. */
@ApplicationScoped
public class MailAdministration {

    public static final String RESENT = "mail.resent";
    public static final String TEST_SENT = "mail.test-sent";
    public static final String TEMPLATE_CHANGED = "mail.template-changed";
    public static final String TEMPLATE_RESET = "mail.template-reset";

    @Inject
    Mail mail;

    @Inject
    AuditTrail audit;

    /** Queues a failed message again with its Message-ID; empty if there is no such failed message. */
    public Optional<MailMessage> resend(UUID id, String actor, String clientAddress) throws SQLException {
        Optional<MailMessage> message = mail.outbox().find(id);
        boolean resent = message.isPresent() && mail.outbox().resend(id, mail.clock().instant());
        audit.record(AuditRecord.of(actor, clientAddress, RESENT, resent ? "succeeded" : "refused")
                .on("mail_message", id.toString())
                .details(message.map(m -> m.subject() + " to " + m.recipients() + ", was " + m.state().label()
                        + (m.lastAnswer() == null ? "" : ": " + m.lastAnswer())).orElse("no such message")));
        return resent ? mail.outbox().find(id) : Optional.empty();
    }

    public Optional<UUID> sendTest(List<String> recipients, String actor, String clientAddress) throws SQLException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("sent_by", actor);
        model.put("sent_at", ReportDelivery.format(mail.clock().instant(), mail.zone()));
        model.put("time_zone", mail.zone().getId());
        Optional<UUID> queued = mail.enqueue(MailTemplates.Name.TEST_MESSAGE, model, recipients, "test", actor);
        audit.record(AuditRecord.of(actor, clientAddress, TEST_SENT, queued.isPresent() ? "succeeded" : "refused")
                .on("mail_message", queued.map(UUID::toString).orElse(""))
                .details("test message to " + String.join(", ", recipients)));
        return queued;
    }

    public MailTemplates.Rendered saveTemplate(MailTemplates.Name name, MailTemplates.Template template, String actor,
                                               String clientAddress) throws SQLException {
        MailTemplates.Rendered preview = mail.templates().save(name, template, actor, mail.clock().instant());
        audit.record(AuditRecord.of(actor, clientAddress, TEMPLATE_CHANGED, "succeeded").on("mail_template", name.label())
                .details("subject: " + template.subject()));
        return preview;
    }

    public boolean resetTemplate(MailTemplates.Name name, String actor, String clientAddress) throws SQLException {
        boolean reset = mail.templates().reset(name);
        audit.record(AuditRecord.of(actor, clientAddress, TEMPLATE_RESET, reset ? "succeeded" : "refused")
                .on("mail_template", name.label()).details(reset ? "back to the built-in template" : "was not replaced"));
        return reset;
    }
}
