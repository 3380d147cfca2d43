package dev.opsdeck.mail.boundary;

import dev.opsdeck.api.boundary.InvalidParameterException;
import dev.opsdeck.mail.control.Mail;
import dev.opsdeck.mail.control.MailAdministration;
import dev.opsdeck.mail.control.MailTemplates;
import dev.opsdeck.mail.entity.MailMessage;
import dev.opsdeck.mail.entity.MailState;
import dev.opsdeck.reports.control.InvalidReportException;
import dev.opsdeck.reports.control.ReportRecipients;
import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.security.boundary.Permitted;
import dev.opsdeck.security.entity.Action;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("v1/mail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    public record Outbox(boolean configured, String server, List<MailMessage> messages) {
    }

    public record TemplateView(String name, String subject, String text, String html, boolean overridden) {
    }

    @Inject
    Mail mail;

    @Inject
    MailAdministration administration;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @GET
    @Permitted(Action.MAIL_ADMINISTER)
    @Operation(summary = "Whether mail is configured, and the outbox's newest 200 messages (queued, sent, failed with the server's answer)")
    public Outbox outbox(@QueryParam("state") String state) throws SQLException {
        Optional<MailState> filter = state == null || state.isBlank() ? Optional.empty() : Optional.of(MailState.of(state)
                .orElseThrow(() -> new InvalidParameterException("state", "expected queued, sent or failed, was " + state)));
        return new Outbox(mail.configured(), mail.settings().toString(), mail.outbox().list(filter, 200));
    }

    @POST
    @Path("messages/{id}/resend")
    @Permitted(Action.MAIL_ADMINISTER)
    @Operation(summary = "Queue a failed message again, with its Message-ID; audited")
    @APIResponse(responseCode = "409", description = "The message is not failed")
    public Response resend(@PathParam("id") String id) throws SQLException {
        UUID message = uuid(id);
        mail.outbox().find(message).orElseThrow(() -> new NotFoundException("no mail message " + id));
        return administration.resend(message, caller(), ClientAddress.of(http))
                .map(resent -> Response.ok(resent).build())
                .orElseGet(() -> Response.status(Response.Status.CONFLICT)
                        .entity(Map.of("error", "only a failed message can be sent again")).build());
    }

    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(Action.REPORT_SCHEDULES_CHANGE)
    @Operation(summary = "Queue a test message to {\"recipients\": [...]}; audited")
    @APIResponse(responseCode = "409", description = "Mail is not configured")
    public Response test(JsonObject body) throws SQLException {
        List<String> recipients;
        try {
            recipients = ReportRecipients.parse(body == null ? null : body.get("recipients"));
        } catch (InvalidReportException e) {
            throw new InvalidParameterException("recipients", e.getMessage().replaceFirst("^recipients: ", ""));
        }
        if (recipients.isEmpty()) {
            throw new InvalidParameterException("recipients", "at least one address is required");
        }
        return administration.sendTest(recipients, caller(), ClientAddress.of(http))
                .map(id -> Response.accepted(Map.of("id", id.toString())).build())
                .orElseGet(() -> Response.status(Response.Status.CONFLICT).entity(Map.of("error", "mail is not configured")).build());
    }

    @GET
    @Path("templates/{name}")
    @Permitted(Action.MAIL_ADMINISTER)
    @Operation(summary = "A mail template in force (Mustache): subject, text and html, and whether an admin replaced the built-in one")
    public TemplateView template(@PathParam("name") String name) throws SQLException {
        MailTemplates.Name template = name(name);
        Optional<MailTemplates.Template> override = mail.templates().override(template);
        MailTemplates.Template effective = override.orElseGet(() -> MailTemplates.builtIn(template));
        return new TemplateView(template.label(), effective.subject(), effective.text(), effective.html(), override.isPresent());
    }

    @PUT
    @Path("templates/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(Action.MAIL_ADMINISTER)
    @Operation(summary = "Replace a mail template; it is rendered with sample data first and refused (422) with the engine's message if that fails")
    public MailTemplates.Rendered saveTemplate(@PathParam("name") String name, JsonObject body) throws SQLException {
        try {
            return administration.saveTemplate(name(name), template(body), caller(), ClientAddress.of(http));
        } catch (MailTemplates.InvalidTemplateException e) {
            throw new InvalidParameterException(e.part(), e.getMessage().replaceFirst("^" + e.part() + ": ", ""));
        }
    }

    @POST
    @Path("templates/{name}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(Action.MAIL_ADMINISTER)
    @Operation(summary = "Render a template (the body's, else the one in force) with sample data, storing nothing")
    public MailTemplates.Rendered preview(@PathParam("name") String name, JsonObject body) throws SQLException {
        MailTemplates.Name template = name(name);
        try {
            return MailTemplates.render(body == null || body.isEmpty() ? mail.templates().effective(template) : template(body),
                    MailTemplates.sample(template));
        } catch (MailTemplates.InvalidTemplateException e) {
            throw new InvalidParameterException(e.part(), e.getMessage().replaceFirst("^" + e.part() + ": ", ""));
        }
    }

    @DELETE
    @Path("templates/{name}")
    @Permitted(Action.MAIL_ADMINISTER)
    @Operation(summary = "Go back to the built-in template")
    public Response resetTemplate(@PathParam("name") String name) throws SQLException {
        administration.resetTemplate(name(name), caller(), ClientAddress.of(http));
        return Response.noContent().build();
    }

    private static MailTemplates.Template template(JsonObject body) {
        if (body == null) {
            throw new InvalidParameterException("body", "a JSON object with subject, text and html is required");
        }
        return new MailTemplates.Template(body.getString("subject", null), body.getString("text", null),
                body.getString("html", null));
    }

    private static MailTemplates.Name name(String name) {
        return MailTemplates.Name.of(name).orElseThrow(() -> new NotFoundException("no mail template " + name));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("id", "not a mail message id");
        }
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
