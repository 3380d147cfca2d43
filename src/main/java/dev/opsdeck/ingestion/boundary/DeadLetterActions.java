package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.ingestion.control.DeadLetterResolutions;
import dev.opsdeck.ingestion.control.DeadLetterResolutions.Result;
import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.security.entity.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The console's replay and discard, shared by the list and the detail page. Only an admin may resolve dead letters:
 * checked here, on the server, whatever buttons the page showed; a refusal is shown and audited.
 */
@ApplicationScoped
public class DeadLetterActions {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    @Inject
    DeadLetterResolutions resolutions;

    public boolean mayResolve() {
        return Action.DEAD_LETTERS_RESOLVE.allows(security::isCallerInRole);
    }

    /** The results, or an empty list when nothing was done (refused, nothing selected). */
    public List<Result> replay(List<Long> ids) {
        if (!allowed(DeadLetterResolutions.REPLAYED, ids, "replay")) {
            return List.of();
        }
        List<Result> results = resolutions.replay(ids, caller(), ClientAddress.of(request));
        summarize(results, "replayed");
        return results;
    }

    public List<Result> discard(List<Long> ids, String reason) {
        if (!allowed(DeadLetterResolutions.DISCARDED, ids, "discard")) {
            return List.of();
        }
        String problem = DeadLetterResolutions.reasonProblem(reason);
        if (problem != null) {
            message(FacesMessage.SEVERITY_ERROR, "Not discarded", problem);
            return List.of();
        }
        List<Result> results = resolutions.discard(ids, reason, caller(), ClientAddress.of(request));
        summarize(results, "discarded");
        return results;
    }

    private boolean allowed(String action, List<Long> ids, String verb) {
        if (!mayResolve()) {
            resolutions.refused(action, ids, caller(), ClientAddress.of(request), Action.DEAD_LETTERS_RESOLVE.refusal());
            message(FacesMessage.SEVERITY_ERROR, "Refused", "Only an admin may " + verb + " dead letters; this attempt was audited.");
            return false;
        }
        if (ids.isEmpty()) {
            message(FacesMessage.SEVERITY_WARN, "Nothing selected", "Select the dead letters to " + verb + " first.");
            return false;
        }
        return true;
    }

    private static void summarize(List<Result> results, String done) {
        long resolved = results.stream().filter(Result::resolved).count();
        if (resolved == results.size()) {
            message(FacesMessage.SEVERITY_INFO, resolved + " " + done, "Every selected dead letter was " + done + ".");
        } else {
            message(FacesMessage.SEVERITY_WARN, resolved + " of " + results.size() + " " + done,
                    "See each dead letter's result below.");
        }
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }
}
