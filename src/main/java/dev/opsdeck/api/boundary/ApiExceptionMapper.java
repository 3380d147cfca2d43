package dev.opsdeck.api.boundary;

import dev.opsdeck.logging.control.Failures;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Turns every failure into the API's JSON error. A body that is not the JSON a call expects answers {@code 400};
 * an unexpected failure answers {@code 500} with {@code {"error":"internal","message":...,"reference":"7f3a9c"}}
 * and nothing of the exception; the log line with the stack trace carries the same reference.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web
                && web.getResponse().getStatus() != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
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
        String reference = Failures.log(LOG, request.getMethod() + " " + request.getRequestURI(), failure);
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.createObjectBuilder().add("error", "internal")
                        .add("message", "Something went wrong; the server log has the details under this reference")
                        .add("reference", reference).build().toString())
                .build();
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
