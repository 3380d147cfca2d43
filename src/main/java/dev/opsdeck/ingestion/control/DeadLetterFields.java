package dev.opsdeck.ingestion.control;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/**
 * Bounds every text a dead letter stores to its column: a longer value is cut and ends with a marker giving its
 * original length, so that storing a dead letter never fails on a value's size. Headers stay a JSON object.
 */
public final class DeadLetterFields {

    /** {@code dead_letter.reason} and {@code resolution}. */
    public static final int MAX_REASON = 2000;
    /** {@code dead_letter.headers}. */
    public static final int MAX_HEADERS = 8000;
    public static final int MAX_EVENT_TYPE = 64;
    public static final int MAX_RESOLVED_BY = 255;
    static final int MAX_HEADER_NAME = 200;
    static final int MAX_HEADER_VALUE = 1000;
    static final String LEFT_OUT = "_truncated";
    /** Room kept for the note on headers left out. */
    private static final int NOTE_ROOM = 120;

    private static final JsonProvider JSON = JsonProvider.provider();

    private DeadLetterFields() {
    }

    /** The value, or when longer than {@code max} characters its start and {@code … [truncated: N characters in all]}. */
    public static String text(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        String marker = "… [truncated: " + value.length() + " characters in all]";
        if (marker.length() >= max) {
            return marker.substring(0, max);
        }
        int keep = max - marker.length();
        if (Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        return value.substring(0, keep) + marker;
    }

    /**
     * The headers as one JSON object of at most {@link #MAX_HEADERS} characters: names and values cut to their bounds,
     * numbers kept as numbers, and headers that no longer fit left out and counted under {@code _truncated}.
     */
    public static String headers(Map<String, ?> headers) {
        JsonObjectBuilder kept = JSON.createObjectBuilder();
        int length = 2;
        int keptCount = 0;
        long allLength = 1;
        for (Map.Entry<String, ?> header : headers.entrySet()) {
            allLength += entryLength(header.getKey(), header.getValue());
            String name = text(header.getKey(), MAX_HEADER_NAME);
            Object value = header.getValue() instanceof Long || header.getValue() instanceof Integer
                    ? header.getValue() : text(String.valueOf(header.getValue()), MAX_HEADER_VALUE);
            int entryLength = entryLength(name, value);
            if (length + entryLength <= MAX_HEADERS - NOTE_ROOM) {
                kept.add(name, json(value));
                length += entryLength;
                keptCount++;
            }
        }
        if (keptCount < headers.size()) {
            kept.add(LEFT_OUT, keptCount + " of " + headers.size() + " headers kept, " + allLength + " characters in all");
        }
        return kept.build().toString();
    }

    /** The characters one header takes in a JSON object, with its separating comma. */
    private static int entryLength(String name, Object value) {
        return JSON.createObjectBuilder().add(name, json(value)).build().toString().length() - 1;
    }

    private static JsonValue json(Object value) {
        return value instanceof Long || value instanceof Integer
                ? JSON.createValue(((Number) value).longValue()) : JSON.createValue(String.valueOf(value));
    }

    /** Stored headers as they are when they fit, else a JSON object saying so with their start. */
    public static String headersJson(String json) {
        if (json == null || json.length() <= MAX_HEADERS) {
            return json;
        }
        // a JSON string escapes a character into at most six
        String start = text(json, MAX_HEADERS / 8);
        return JSON.createObjectBuilder().add(LEFT_OUT, start).build().toString();
    }
}
