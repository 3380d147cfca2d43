package dev.opsdeck.api.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidParameterMapper implements ExceptionMapper<InvalidParameterException> {

    @Override
    public Response toResponse(InvalidParameterException invalid) {
        String body = Json.createObjectBuilder()
                .add("error", "invalid")
                .add("field", invalid.field())
                .add("message", invalid.getMessage())
                .build().toString();
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
