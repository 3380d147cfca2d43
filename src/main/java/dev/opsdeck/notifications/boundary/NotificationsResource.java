package dev.opsdeck.notifications.boundary;

import dev.opsdeck.api.boundary.InvalidParameterException;
import dev.opsdeck.notifications.control.InvalidRuleException;
import dev.opsdeck.notifications.control.NotificationAdministration;
import dev.opsdeck.notifications.control.NotificationCheck;
import dev.opsdeck.notifications.control.Notifications;
import dev.opsdeck.notifications.control.RuleDraft;
import dev.opsdeck.notifications.entity.ConditionState;
import dev.opsdeck.notifications.entity.NotificationRule;
import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.security.boundary.Permitted;
import dev.opsdeck.security.entity.Action;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    public record RuleView(long id, String kind, String title, Long threshold, String stream, List<String> recipients,
                           boolean enabled, String updatedBy, Instant updatedAt) {
        static RuleView of(NotificationRule rule) {
            return new RuleView(rule.id(), rule.kind().label(), rule.title(), rule.threshold(), rule.stream(), rule.recipients(),
                    rule.enabled(), rule.updatedBy(), rule.updatedAt());
        }
    }

    public record ConditionView(long ruleId, String key, String state, String detail, Instant firstFiredAt,
                                Instant lastNotifiedAt, Instant resolvedAt) {
        static ConditionView of(ConditionState state) {
            return new ConditionView(state.ruleId(), state.key(), state.getState(), state.detail(), state.firstFiredAt(),
                    state.lastNotifiedAt(), state.resolvedAt());
        }
    }

    public record Overview(boolean mailConfigured, String quietPeriod, String checkInterval, Instant lastCheckAt,
                           String lastCheckBy, List<RuleView> rules, List<ConditionView> conditions) {
    }

    @Inject
    Notifications notifications;

    @Inject
    NotificationAdministration administration;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest http;

    @GET
    @Permitted(Action.NOTIFICATIONS_ADMINISTER)
    @Operation(summary = "Notification rules, their conditions' states (firing or resolved, first fired, last told), "
            + "the quiet period and the fleet's last check; mail_configured false means nothing is checked or sent")
    public Overview overview() throws SQLException {
        NotificationCheck.LastCheck last = notifications.lastCheck().orElse(null);
        return new Overview(notifications.mailConfigured(), notifications.quietPeriod().toString(),
                notifications.checkInterval().toString(), last == null ? null : last.checkedAt(),
                last == null ? null : last.checkedBy(),
                notifications.rules().list().stream().map(RuleView::of).toList(),
                notifications.conditions().stream().map(ConditionView::of).toList());
    }

    @GET
    @Path("rules/{id}")
    @Permitted(Action.NOTIFICATIONS_ADMINISTER)
    @Operation(summary = "One notification rule")
    public RuleView rule(@PathParam("id") String id) throws SQLException {
        return RuleView.of(notifications.rules().find(id(id)).orElseThrow(() -> new NotFoundException("no notification rule " + id)));
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(Action.NOTIFICATIONS_ADMINISTER)
    @Operation(summary = "Add a rule: {\"kind\": \"dead_letters|stream_unhealthy|approval_waiting|command_failed|report_failed\", "
            + "\"threshold\" (dead_letters), \"stream\" (optional), \"recipients\": [...], \"enabled\"}; audited")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "422", description = "A field is wrong; the field is named")
    public Response create(JsonObject body) throws SQLException {
        NotificationRule rule = administration.create(draft(body), caller(), ClientAddress.of(http));
        return Response.created(uri.getBaseUriBuilder().path("v1/notifications/rules/" + rule.id()).build())
                .entity(RuleView.of(rule)).build();
    }

    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(Action.NOTIFICATIONS_ADMINISTER)
    @Operation(summary = "Replace a rule, e.g. disable it with enabled=false (the whole rule: an absent enabled means true); audited")
    @APIResponse(responseCode = "422", description = "A field is wrong; the field is named")
    public RuleView update(@PathParam("id") String id, JsonObject body) throws SQLException {
        long rule = id(id);
        return administration.update(rule, draft(body), caller(), ClientAddress.of(http)).map(RuleView::of)
                .orElseThrow(() -> new NotFoundException("no notification rule " + id));
    }

    private static RuleDraft draft(JsonObject body) {
        try {
            return RuleDraft.of(body);
        } catch (InvalidRuleException e) {
            throw new InvalidParameterException(e.field(), e.getMessage().replaceFirst("^" + e.field() + ": ", ""));
        }
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("id", "not a notification rule id");
        }
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
