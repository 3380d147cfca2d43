package dev.opsdeck.console.boundary;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * A postback whose view state this instance does not hold (the page was rendered by another instance, or before this
 * instance restarted, or the view timed out) redirects, plain or Ajax, to the expired page with a link back to the page,
 * instead of ending as a server error.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    static final String EXPIRED_PAGE = "/expired.xhtml";

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                while (thrown instanceof FacesException && !(thrown instanceof ViewExpiredException) && thrown.getCause() != null) {
                    thrown = thrown.getCause();
                }
                if (thrown instanceof ViewExpiredException expired) {
                    events.remove();
                    redirect(FacesContext.getCurrentInstance(), expired.getViewId());
                }
            }
            getWrapped().handle();
        }

        private static void redirect(FacesContext faces, String viewId) {
            ExternalContext external = faces.getExternalContext();
            String page = viewId == null || !viewId.startsWith("/") ? "/index.xhtml" : viewId;
            try {
                external.redirect(external.getRequestContextPath() + EXPIRED_PAGE + "?next="
                        + URLEncoder.encode(page, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }
}
