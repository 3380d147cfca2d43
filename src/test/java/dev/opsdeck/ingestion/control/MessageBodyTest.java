package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MessageBodyTest {

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aWholeBodyIsCompleteAndHashedWhole() throws Exception {
        byte[] bytes = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        MessageBody body = MessageBody.whole(bytes);
        assertTrue(body.complete());
        assertEquals(bytes.length, body.size());
        assertEquals(sha256(bytes), body.sha256());
    }

    @Test
    void anOversizedBodyKeepsItsPrefixWithTheWholeSizeAndHash() throws Exception {
        byte[] bytes = new byte[100_000];
        Arrays.fill(bytes, (byte) 'x');
        bytes[99_999] = 'y';
        MessageBody body = MessageBody.prefixOf(bytes);
        assertFalse(body.complete());
        assertEquals(100_000, body.size());
        assertArrayEquals(Arrays.copyOf(bytes, MessageBody.PREFIX_BYTES), body.bytes());
        assertEquals(sha256(bytes), body.sha256());
    }

    @Test
    void aTextIsEncodedAsStringGetBytesDoesAndItsPrefixEndsOnACharacter() throws Exception {
        String text = "a" + "é€😀".repeat(3000) + "\uD800 lone surrogate";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        MessageBody body = MessageBody.prefixOf(text);
        assertEquals(utf8.length, body.size());
        assertEquals(sha256(utf8), body.sha256());
        byte[] prefix = body.bytes();
        assertTrue(prefix.length <= MessageBody.PREFIX_BYTES && prefix.length > MessageBody.PREFIX_BYTES - 4, "prefix " + prefix.length);
        assertArrayEquals(Arrays.copyOf(utf8, prefix.length), prefix);
        String decoded = new String(prefix, StandardCharsets.UTF_8);
        assertFalse(decoded.contains("\uFFFD"), "the prefix ends on a whole character");
        assertTrue(text.startsWith(decoded));
    }

    @Test
    void anEmptyBodyIsComplete() {
        assertTrue(MessageBody.prefixOf("").complete());
        assertEquals(0, MessageBody.prefixOf(new byte[0]).size());
    }
}
