package dev.opsdeck.api.boundary;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The one shape of every error the API answers: a machine-readable code and a sentence for people. */
public record ApiError(String error, String message) {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    public String toJson() {
        return JSON.createObjectBuilder().add("error", error).add("message", message).build().toString();
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
