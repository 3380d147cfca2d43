package dev.opsdeck.commands.boundary;

import dev.opsdeck.api.boundary.ApiError;
import dev.opsdeck.commands.control.ActionRefusedException;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** A refused action in the API's error shape: 422 naming the field, 404, 409 with why, or 403. */
@Provider
public class ActionRefusedMapper implements ExceptionMapper<ActionRefusedException> {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Override
    public Response toResponse(ActionRefusedException refused) {
        switch (refused.why()) {
            case INVALID:
                return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(JSON.createObjectBuilder()
                        .add("error", "invalid")
                        .add("field", refused.field())
                        .add("message", refused.field() + ": " + refused.getMessage())
                        .build().toString()).build();
            case NOT_FOUND:
                return new ApiError("not_found", refused.getMessage()).toResponse(404);
            case FORBIDDEN:
                return ApiError.forbidden(refused.getMessage()).toResponse(403);
            default:
                return new ApiError("conflict", refused.getMessage()).toResponse(409);
        }
    }
}
