package dev.opsdeck.ingestion.control;

import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A dead letter's body and headers as a person reads them: JSON pretty-printed, other text as is, bytes escaped. */
public final class DeadLetterBody {

    public enum Kind { JSON, TEXT, BINARY }

    public record Shown(Kind kind, String text) implements Serializable {

        public String getKind() {
            return kind.name().toLowerCase();
        }

        public String getText() {
            return text;
        }
    }

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonWriterFactory PRETTY = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private DeadLetterBody() {
    }

    public static Shown show(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notText) {
            return new Shown(Kind.BINARY, escaped(body));
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonStructure json = reader.read();
            StringWriter pretty = new StringWriter();
            try (JsonWriter writer = PRETTY.createWriter(pretty)) {
                writer.write(json);
            }
            return new Shown(Kind.JSON, pretty.toString().strip());
        } catch (JsonException | IllegalStateException notJson) {
            return new Shown(Kind.TEXT, withoutControls(text));
        }
    }

    private static String withoutControls(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** Printable ASCII as is, every other byte as \xNN, so that nothing unprintable reaches the page. */
    static String escaped(byte[] body) {
        StringBuilder escaped = new StringBuilder(body.length * 2);
        for (byte b : body) {
            int c = b & 0xff;
            if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f && c != '\\')) {
                escaped.append((char) c);
            } else {
                escaped.append(String.format("\\x%02x", c));
            }
        }
        return escaped.toString();
    }

    /** The stored headers (a JSON object) by name; a value that is not a string is shown as JSON. */
    public static Map<String, String> headers(String stored) {
        Map<String, String> headers = new TreeMap<>();
        if (stored == null || stored.isBlank()) {
            return headers;
        }
        try (var reader = JSON.createReader(new StringReader(stored))) {
            reader.readObject().forEach((name, value) -> headers.put(name, value.getValueType() == JsonValue.ValueType.STRING
                    ? ((jakarta.json.JsonString) value).getString() : value.toString()));
        } catch (JsonException | IllegalStateException | ClassCastException notAnObject) {
            headers.put("(unreadable)", stored);
        }
        return headers;
    }
}
