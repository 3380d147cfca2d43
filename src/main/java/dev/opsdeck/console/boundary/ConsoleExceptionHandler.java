package dev.opsdeck.console.boundary;

import dev.opsdeck.logging.control.Failures;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An unexpected failure in a console request is logged under a reference and answered with Opsdeck's error page:
 * a 500 whose page shows the reference, or, for an ajax request, a redirect to that page; without this, Faces would
 * write the exception's class and message into the ajax response. An expired view is left to web.xml's page, or,
 * in an ajax request, reloaded.
 */
class ConsoleExceptionHandler extends ExceptionHandlerWrapper {

    static final String FAILURE_VIEW = "/failure.xhtml";
    private static final Logger LOG = Logger.getLogger(ConsoleExceptionHandler.class.getName());

    ConsoleExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        boolean ajax = context.getPartialViewContext().isAjaxRequest();
        String reference = null;
        boolean expired = false;
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable failure = events.next().getContext().getException();
            if (isExpiredView(failure)) {
                if (!ajax) {
                    continue;
                }
                expired = true;
            } else {
                String ref = Failures.log(LOG, describe(context), failure);
                reference = reference == null ? ref : reference;
            }
            events.remove();
        }
        if (reference != null) {
            answer(context, ajax, reference);
        } else if (expired) {
            redirect(context, ((HttpServletRequest) context.getExternalContext().getRequest()).getRequestURI());
        }
        getWrapped().handle();
    }

    private static void answer(FacesContext context, boolean ajax, String reference) {
        ExternalContext external = context.getExternalContext();
        external.getRequestMap().put(Failures.REFERENCE_ATTRIBUTE, reference);
        if (ajax) {
            redirect(context, external.getRequestContextPath() + FAILURE_VIEW + "?ref=" + reference);
            return;
        }
        if (!external.isResponseCommitted()) {
            try {
                external.responseSendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "ref " + reference);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "The error page for ref " + reference + " could not be sent", e);
            }
        }
        context.responseComplete();
    }

    /** A partial response that sends the browser elsewhere, written afresh over whatever was already buffered. */
    private static void redirect(FacesContext context, String url) {
        ExternalContext external = context.getExternalContext();
        if (!external.isResponseCommitted()) {
            try {
                ((HttpServletResponse) external.getResponse()).resetBuffer();
                external.setResponseStatus(HttpServletResponse.SC_OK);
                external.setResponseContentType("text/xml");
                external.setResponseCharacterEncoding("UTF-8");
                external.getResponseOutputWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\"/></partial-response>");
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not send the browser to " + url, e);
            }
        }
        context.responseComplete();
    }

    private static boolean isExpiredView(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(FacesContext context) {
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        String view = context.getViewRoot() == null ? "" : " (view " + context.getViewRoot().getViewId() + ")";
        return request.getMethod() + " " + request.getRequestURI() + view;
    }
}
