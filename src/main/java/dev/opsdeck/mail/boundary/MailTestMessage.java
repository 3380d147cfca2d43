package dev.opsdeck.mail.boundary;

import dev.opsdeck.security.boundary.SignedInUser;
import dev.opsdeck.mail.control.MailAdministration;
import dev.opsdeck.reports.control.InvalidReportException;
import dev.opsdeck.reports.control.ReportRecipients;
import dev.opsdeck.security.entity.Action;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.sql.SQLException;
import java.util.List;

/** The report form's "Send a test message": queues the test template to the addresses typed, checked like on save. */
@Named
@RequestScoped
public class MailTestMessage {

    @Inject
    MailAdministration administration;

    @Inject
    SecurityContext security;

    @Inject
    SignedInUser signedIn;

    private String outcome;

    public void send(String recipientsText) throws SQLException {
        if (!Action.REPORT_SCHEDULES_CHANGE.allows(security::isCallerInRole)) {
            outcome = Action.REPORT_SCHEDULES_CHANGE.refusal();
            return;
        }
        List<String> recipients;
        try {
            recipients = ReportRecipients.parse(recipientsText);
        } catch (InvalidReportException e) {
            FacesContext.getCurrentInstance().addMessage("configurations:recipients",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return;
        }
        if (recipients.isEmpty()) {
            outcome = "Enter at least one address first.";
            return;
        }
        outcome = administration.sendTest(recipients, signedIn.getName(), signedIn.getClientAddress())
                .map(id -> "Test message queued to " + String.join(", ", recipients) + "; see the Mail page.")
                .orElse("Mail is not configured: nothing was sent.");
    }

    public String getOutcome() {
        return outcome;
    }
}
