package dev.opsdeck.records.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.UUID;

/** A detail page's id parameter: a UUID, or the page answers 404 with what was wrong. */
public final class RecordId {

    private RecordId() {
    }

    public static UUID parseOrNotFound(String id, String kind) throws IOException {
        try {
            return UUID.fromString(id == null ? "" : id.trim());
        } catch (IllegalArgumentException e) {
            notFound("'" + id + "' is not a " + kind + " id: ids are UUIDs");
            return null;
        }
    }

    public static void notFound(String message) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getRequestMap().put("opsdeck.not-found", message);
        external.responseSendError(404, message);
        FacesContext.getCurrentInstance().responseComplete();
    }
}
