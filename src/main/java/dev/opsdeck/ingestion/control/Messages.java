package dev.opsdeck.ingestion.control;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;

/** What Opsdeck reads off a JMS message: its body as bytes, its headers for the dead letters, its trace. */
public final class Messages {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

    private Messages() {
    }

    /**
     * The UTF-8 body of a text or bytes message; other message types are not events. A body over {@code maxBytes}
     * is known by its length before it is read, and kept as a prefix with its size and hash.
     */
    public static MessageBody body(Message message, int maxBytes) throws JMSException, MalformedEventException {
        if (message instanceof TextMessage text) {
            String body = text.getText();
            if (body == null) {
                return MessageBody.whole(new byte[0]);
            }
            // a UTF-8 encoding has at least as many bytes as the text has chars
            if (body.length() > maxBytes) {
                return MessageBody.prefixOf(body);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return bytes.length > maxBytes ? MessageBody.prefixOf(bytes) : MessageBody.whole(bytes);
        }
        if (message instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            if (length > maxBytes) {
                return MessageBody.prefixOf(bytes::readBytes);
            }
            byte[] body = new byte[(int) length];
            bytes.readBytes(body);
            return MessageBody.whole(body);
        }
        throw new MalformedEventException("unsupported message type " + message.getClass().getSimpleName()
                + ": events arrive as text or bytes messages");
    }

    public static int deliveryCount(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? Math.max(1, message.getIntProperty("JMSXDeliveryCount")) : 1;
        } catch (JMSException | RuntimeException e) {
            return 1;
        }
    }

    /** The message's headers and properties as a JSON object bounded to the dead letter's column. */
    public static String headers(Message message) {
        Map<String, Object> headers = new LinkedHashMap<>();
        try {
            putIfPresent(headers, "JMSMessageID", message.getJMSMessageID());
            headers.put("JMSTimestamp", message.getJMSTimestamp());
            putIfPresent(headers, "JMSDestination", String.valueOf(message.getJMSDestination()));
            putIfPresent(headers, "JMSCorrelationID", message.getJMSCorrelationID());
            for (Object name : Collections.list(message.getPropertyNames())) {
                Object value = message.getObjectProperty(name.toString());
                headers.put(name.toString(), String.valueOf(value));
            }
        } catch (JMSException | RuntimeException e) {
            headers.put("_error", "headers unreadable: " + e);
        }
        return DeadLetterFields.headers(headers);
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
        } catch (JMSException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void putIfPresent(Map<String, Object> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
