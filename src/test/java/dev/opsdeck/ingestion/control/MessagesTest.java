package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.JmsMessages;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final int MAX = 65_536;

    @Test
    void aBytesMessageOverTheLimitIsReadInChunksNeverWhole() throws Exception {
        long size = 10L << 20;
        JmsMessages.Spec spec = new JmsMessages.Spec();
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        for (long i = 0; i < size; i++) {
            expected.update((byte) (i % 251));
        }
        MessageBody body = Messages.body(JmsMessages.bytes(size, i -> (byte) (i % 251), spec), MAX);
        assertFalse(body.complete());
        assertEquals(size, body.size());
        assertEquals(MessageBody.PREFIX_BYTES, body.bytes().length);
        assertEquals(HexFormat.of().formatHex(expected.digest()), body.sha256());
        assertTrue(spec.largestRead() <= 8192, "read " + spec.largestRead() + " bytes at once");
    }

    @Test
    void aBytesMessageWithinTheLimitIsReadWhole() throws Exception {
        byte[] bytes = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        MessageBody body = Messages.body(JmsMessages.bytes(bytes, new JmsMessages.Spec()), MAX);
        assertTrue(body.complete());
        assertArrayEquals(bytes, body.bytes());
    }

    @Test
    void aTextMessageIsMeasuredInUtf8Bytes() throws Exception {
        String fits = "é".repeat(MAX / 2);
        assertTrue(Messages.body(JmsMessages.text(fits, new JmsMessages.Spec()), MAX).complete());
        String twoByteChars = "é".repeat(MAX / 2 + 1);
        MessageBody over = Messages.body(JmsMessages.text(twoByteChars, new JmsMessages.Spec()), MAX);
        assertFalse(over.complete());
        assertEquals(MAX + 2, over.size());
        MessageBody longText = Messages.body(JmsMessages.text("a".repeat(1 << 20), new JmsMessages.Spec()), MAX);
        assertEquals(1 << 20, longText.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("a".repeat(1 << 20).getBytes(StandardCharsets.UTF_8))), longText.sha256());
    }

    @Test
    void headersOverTheDeadLetterColumnAreBoundedJson() {
        JmsMessages.Spec spec = new JmsMessages.Spec().property("destination", "accounts.events").deliveryCount(3);
        for (int i = 0; i < 12; i++) {
            spec.property("x-padding-" + i, "p".repeat(1000));
        }
        String headers = Messages.headers(JmsMessages.text("{}", spec));
        assertTrue(headers.length() <= DeadLetterFields.MAX_HEADERS, "headers " + headers.length());
        JsonObject json = Json.createReader(new StringReader(headers)).readObject();
        assertEquals("accounts.events", json.getString("destination"));
        assertEquals("3", json.getString("JMSXDeliveryCount"));
        assertTrue(json.getJsonNumber("JMSTimestamp").longValue() > 0);
        assertTrue(json.getString("_truncated").contains(" of 17 headers kept"), json.getString("_truncated"));
    }
}
