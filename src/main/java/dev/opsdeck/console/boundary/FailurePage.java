package dev.opsdeck.console.boundary;

import dev.opsdeck.logging.control.Failures;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The reference that failure.xhtml shows: the one {@link ConsoleExceptionHandler} or another boundary logged, the
 * one an ajax redirect carries, or, for a failure only the servlet container saw, one logged here.
 */
@Named
@RequestScoped
public class FailurePage {

    private static final Logger LOG = Logger.getLogger(FailurePage.class.getName());

    private String reference;

    public String getReference() {
        if (reference == null) {
            reference = find();
        }
        return reference;
    }

    private static String find() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, Object> request = external.getRequestMap();
        if (request.get(Failures.REFERENCE_ATTRIBUTE) instanceof String logged) {
            return logged;
        }
        String uri = String.valueOf(request.get(RequestDispatcher.ERROR_REQUEST_URI));
        if (request.get(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            return remember(request, Failures.log(LOG, uri, failure));
        }
        if (request.get(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            return remember(request, Failures.log(LOG, uri + " answered " + request.get(RequestDispatcher.ERROR_STATUS_CODE)
                    + " without an exception", null));
        }
        String carried = external.getRequestParameterMap().get("ref");
        return Failures.isReference(carried) ? carried : "";
    }

    private static String remember(Map<String, Object> request, String reference) {
        request.put(Failures.REFERENCE_ATTRIBUTE, reference);
        return reference;
    }
}
