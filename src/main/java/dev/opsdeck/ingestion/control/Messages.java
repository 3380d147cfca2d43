package dev.opsdeck.ingestion.control;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;

/** What Opsdeck reads off a JMS message: its body as bytes, its headers for the dead letters, its trace. */
public final class Messages {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

    private Messages() {
    }

    /** The UTF-8 body of a text or bytes message; other message types are not events. */
    public static byte[] body(Message message) throws JMSException, MalformedEventException {
        if (message instanceof TextMessage text) {
            String body = text.getText();
            return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        }
        if (message instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            if (length > Integer.MAX_VALUE) {
                throw new MalformedEventException("oversized: body has " + length + " bytes");
            }
            byte[] body = new byte[(int) length];
            bytes.readBytes(body);
            return body;
        }
        throw new MalformedEventException("unsupported message type " + message.getClass().getSimpleName()
                + ": events arrive as text or bytes messages");
    }

    public static int deliveryCount(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? Math.max(1, message.getIntProperty("JMSXDeliveryCount")) : 1;
        } catch (JMSException | NumberFormatException e) {
            return 1;
        }
    }

    public static String headers(Message message) {
        JsonObjectBuilder headers = JSON.createObjectBuilder();
        try {
            putIfPresent(headers, "JMSMessageID", message.getJMSMessageID());
            headers.add("JMSTimestamp", message.getJMSTimestamp());
            putIfPresent(headers, "JMSDestination", String.valueOf(message.getJMSDestination()));
            putIfPresent(headers, "JMSCorrelationID", message.getJMSCorrelationID());
            for (Object name : Collections.list(message.getPropertyNames())) {
                Object value = message.getObjectProperty(name.toString());
                headers.add(name.toString(), String.valueOf(value));
            }
        } catch (JMSException e) {
            headers.add("_error", "headers unreadable: " + e.getMessage());
        }
        return headers.build().toString();
    }

    /** The trace id of a W3C traceparent property, if the message carries a valid one. */
    public static Optional<String> traceId(Message message) {
        try {
            String traceparent = message.getStringProperty("traceparent");
            if (traceparent == null) {
                return Optional.empty();
            }
            Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (JMSException e) {
            return Optional.empty();
        }
    }

    private static void putIfPresent(JsonObjectBuilder headers, String name, String value) {
        if (value != null) {
            headers.add(name, value);
        }
    }
}
