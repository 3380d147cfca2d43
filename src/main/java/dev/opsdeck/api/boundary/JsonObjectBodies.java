package dev.opsdeck.api.boundary;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a request body into the JsonObject a resource takes: an empty body is null (the resource names what is
 * missing), and anything but one JSON object fails as a {@link JsonException}, which {@link ApiExceptionMapper}
 * answers 400; the platform's reader instead let an array through to the method call and answered 500.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Priority(1)
public class JsonObjectBodies implements MessageBodyReader<JsonObject> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                               MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        PushbackInputStream in = new PushbackInputStream(entity, 1);
        int first = in.read();
        if (first == -1) {
            return null;
        }
        in.unread(first);
        try (JsonReader reader = Json.createReader(in)) {
            JsonStructure body = reader.read();
            if (!(body instanceof JsonObject object)) {
                throw new JsonException("expected a JSON object, was a JSON " + body.getValueType().name().toLowerCase());
            }
            return object;
        }
    }
}
