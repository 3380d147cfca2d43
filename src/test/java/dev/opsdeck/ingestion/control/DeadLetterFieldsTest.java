package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterFieldsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aTextThatFitsIsKeptAsItIs() {
        String reason = "r".repeat(2000);
        assertSame(reason, DeadLetterFields.text(reason, 2000));
        assertNull(DeadLetterFields.text(null, 10));
    }

    @Test
    void aLongerTextIsCutToItsBoundAndSaysItsOriginalLength() {
        String cut = DeadLetterFields.text("x".repeat(5000), 2000);
        assertEquals(2000, cut.length());
        assertTrue(cut.startsWith("xxx"));
        assertTrue(cut.endsWith("… [truncated: 5000 characters in all]"), cut.substring(1900));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "a".repeat(63) + "😀".repeat(100);
        String marker = "… [truncated: " + text.length() + " characters in all]";
        assertEquals(64, 100 - marker.length(), "the cut falls inside the first emoji");
        String cut = DeadLetterFields.text(text, 100);
        assertEquals("a".repeat(63) + marker, cut);
    }

    @Test
    void headersThatFitAreKeptWithNumbersAsNumbers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("JMSTimestamp", 1_763_632_800_000L);
        headers.put("destination", "accounts.events");
        JsonObject stored = json(DeadLetterFields.headers(headers));
        assertEquals(1_763_632_800_000L, stored.getJsonNumber("JMSTimestamp").longValue());
        assertEquals("accounts.events", stored.getString("destination"));
        assertEquals(2, stored.size());
    }

    @Test
    void headersOverTheColumnAreCutToAJsonObjectThatFitsAndCountsWhatWasLeftOut() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("destination", "accounts.events");
        headers.put("huge", "h".repeat(9000));
        for (int i = 0; i < 12; i++) {
            headers.put("x-padding-" + i, "p".repeat(1000));
        }
        String stored = DeadLetterFields.headers(headers);
        assertTrue(stored.length() <= DeadLetterFields.MAX_HEADERS, "stored " + stored.length());
        JsonObject json = json(stored);
        assertEquals("accounts.events", json.getString("destination"));
        assertEquals(1000, json.getString("huge").length());
        assertTrue(json.getString("huge").endsWith("[truncated: 9000 characters in all]"));
        assertTrue(json.getString("_truncated").matches("8 of 14 headers kept, 21\\d{3} characters in all"), json.getString("_truncated"));
    }

    @Test
    void headerValuesThatEscapeToManyCharactersStillFit() {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            headers.put("control-" + i, "\u0001".repeat(1000));
        }
        String stored = DeadLetterFields.headers(headers);
        assertTrue(stored.length() <= DeadLetterFields.MAX_HEADERS, "stored " + stored.length());
        assertTrue(json(stored).containsKey("_truncated"));
    }

    @Test
    void storedHeadersOverTheColumnBecomeAJsonObjectWithTheirStart() {
        String huge = "{\"a\":\"" + "\"".repeat(20_000) + "\"}";
        String stored = DeadLetterFields.headersJson(huge);
        assertTrue(stored.length() <= DeadLetterFields.MAX_HEADERS, "stored " + stored.length());
        assertTrue(json(stored).getString("_truncated").endsWith("[truncated: " + huge.length() + " characters in all]"));
        String fits = "{\"a\":\"b\"}";
        assertSame(fits, DeadLetterFields.headersJson(fits));
    }
}
