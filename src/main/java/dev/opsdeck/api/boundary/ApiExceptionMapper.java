package dev.opsdeck.api.boundary;

import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into the API's JSON error; unexpected ones are logged under a reference the caller gets. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            String code = status.getReasonPhrase().toLowerCase().replace(' ', '_');
            String message = web.getMessage() == null ? status.getReasonPhrase() : web.getMessage();
            return new ApiError(code, message).toResponse(status.getStatusCode());
        }
        Throwable malformed = malformedBody(failure);
        if (malformed != null) {
            return new ApiError("malformed_json", "The request body is not the JSON this call expects: "
                    + abbreviate(String.valueOf(malformed.getMessage()))).toResponse(Response.Status.BAD_REQUEST);
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected API failure, reference " + reference, failure);
        return new ApiError("internal_error", "Unexpected failure; reference " + reference)
                .toResponse(Response.Status.INTERNAL_SERVER_ERROR);
    }

    /** The JSON-P failure of reading the request body (a syntax error, an array where an object belongs), if any. */
    private static Throwable malformedBody(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonException || cause instanceof NoContentException) {
                return cause;
            }
        }
        return null;
    }

    private static String abbreviate(String message) {
        return message.length() <= 200 ? message : message.substring(0, 197) + "...";
    }
}
