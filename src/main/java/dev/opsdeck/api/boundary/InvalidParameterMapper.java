package dev.opsdeck.api.boundary;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

@Provider
public class InvalidParameterMapper implements ExceptionMapper<InvalidParameterException> {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Override
    public Response toResponse(InvalidParameterException invalid) {
        String body = JSON.createObjectBuilder()
                .add("error", "invalid")
                .add("field", invalid.field())
                .add("message", invalid.getMessage())
                .build().toString();
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
