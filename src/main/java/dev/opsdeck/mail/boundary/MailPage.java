package dev.opsdeck.mail.boundary;

import dev.opsdeck.security.boundary.SignedInUser;
import dev.opsdeck.mail.control.Mail;
import dev.opsdeck.mail.control.MailAdministration;
import dev.opsdeck.mail.control.MailTemplates;
import dev.opsdeck.mail.entity.MailMessage;
import dev.opsdeck.mail.entity.MailState;
import dev.opsdeck.security.entity.Action;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Mail page (admins): the outbox with the server's answers and resend, and the templates with preview. */
@Named
@ViewScoped
public class MailPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Mail mail;

    @Inject
    MailAdministration administration;

    @Inject
    SecurityContext security;

    @Inject
    SignedInUser signedIn;

    private String state = "";
    private String template = MailTemplates.Name.REPORT_DELIVERED.label();
    private String subject;
    private String text;
    private String html;
    private String previewHtml;

    public List<MailMessage> getMessages() throws SQLException {
        return mail.outbox().list(MailState.of(state), 200);
    }

    public List<String> getStates() {
        return List.of("", "queued", "sent", "failed");
    }

    public List<String> getTemplates() {
        return Arrays.stream(MailTemplates.Name.values()).map(MailTemplates.Name::label).toList();
    }

    public void resend(String id) throws SQLException {
        if (!allowed()) {
            return;
        }
        Optional<MailMessage> resent = administration.resend(UUID.fromString(id), signedIn.getName(), signedIn.getClientAddress());
        message(resent.isPresent() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                resent.map(m -> "Queued again: " + m.subject()).orElse("Only a failed message can be sent again"));
    }

    public void load() throws SQLException {
        MailTemplates.Template effective = mail.templates().effective(name());
        subject = effective.subject();
        text = effective.text();
        html = effective.html();
        previewHtml = null;
    }

    public void preview() {
        try {
            previewHtml = MailTemplates.render(current(), MailTemplates.sample(name())).html();
        } catch (MailTemplates.InvalidTemplateException e) {
            previewHtml = null;
            message(FacesMessage.SEVERITY_ERROR, "Cannot render: " + e.getMessage());
        }
    }

    public void save() throws SQLException {
        if (!allowed()) {
            return;
        }
        try {
            previewHtml = administration.saveTemplate(name(), current(), signedIn.getName(), signedIn.getClientAddress()).html();
            message(FacesMessage.SEVERITY_INFO, "Saved template " + template);
        } catch (MailTemplates.InvalidTemplateException e) {
            message(FacesMessage.SEVERITY_ERROR, "Refused, nothing saved: " + e.getMessage());
        }
    }

    public void reset() throws SQLException {
        if (!allowed()) {
            return;
        }
        administration.resetTemplate(name(), signedIn.getName(), signedIn.getClientAddress());
        load();
        message(FacesMessage.SEVERITY_INFO, "Template " + template + " is the built-in one again");
    }

    private MailTemplates.Template current() {
        return new MailTemplates.Template(subject, text, html);
    }

    private MailTemplates.Name name() {
        return MailTemplates.Name.of(template).orElse(MailTemplates.Name.REPORT_DELIVERED);
    }

    private boolean allowed() {
        if (!Action.MAIL_ADMINISTER.allows(security::isCallerInRole)) {
            message(FacesMessage.SEVERITY_ERROR, Action.MAIL_ADMINISTER.refusal());
            return false;
        }
        return true;
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

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getHtml() {
        return html;
    }

    public void setHtml(String html) {
        this.html = html;
    }

    public String getPreviewHtml() {
        return previewHtml;
    }
}
