package dev.opsdeck.api.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every error the API answers: a machine-readable code and a sentence for people. */
public record ApiError(String error, String message) {

    public String toJson() {
        return Json.createObjectBuilder().add("error", error).add("message", message).build().toString();
    }

    public Response toResponse(Response.Status status) {
        return toResponse(status.getStatusCode());
    }

    public Response toResponse(int status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(toJson()).build();
    }

    public static ApiError unauthorized(String message) {
        return new ApiError("unauthorized", message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError("forbidden", message);
    }
}
