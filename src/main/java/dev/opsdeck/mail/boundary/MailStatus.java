package dev.opsdeck.mail.boundary;

import dev.opsdeck.mail.control.Mail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Whether mail is configured, for any page that offers mail (the report form, the Mail page). */
@Named
@RequestScoped
public class MailStatus {

    @Inject
    Mail mail;

    public boolean isConfigured() {
        return mail.configured();
    }

    /** The SMTP server, without the password. */
    public String getServer() {
        return mail.settings().toString();
    }

    public String getAttachmentLimit() {
        long bytes = mail.attachmentMaxBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
