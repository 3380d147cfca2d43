package dev.opsdeck.ingestion.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A message body as Opsdeck keeps it: whole up to the size limit; beyond it only a prefix, with the whole body's size
 * and SHA-256, read in chunks so that an oversized message never sits in memory twice.
 */
public final class MessageBody {

    /** How much of an oversized body a dead letter keeps. */
    public static final int PREFIX_BYTES = 4096;
    private static final int CHUNK = 8192;

    private final byte[] bytes;
    private final long size;
    private String sha256;

    private MessageBody(byte[] bytes, long size, String sha256) {
        this.bytes = bytes;
        this.size = size;
        this.sha256 = sha256;
    }

    public static MessageBody whole(byte[] bytes) {
        return new MessageBody(bytes, bytes.length, null);
    }

    /** Reads chunks of a body of the given size; returns how many bytes it put in the buffer, -1 at the end. */
    @FunctionalInterface
    public interface Source<E extends Exception> {
        int read(byte[] buffer) throws E;
    }

    /** The body limited to its prefix, its size and hash taken over all of it. */
    public static <E extends Exception> MessageBody prefixOf(Source<E> source) throws E {
        MessageDigest sha = newDigest();
        byte[] prefix = new byte[PREFIX_BYTES];
        int kept = 0;
        long size = 0;
        byte[] chunk = new byte[CHUNK];
        for (int read = source.read(chunk); read >= 0; read = source.read(chunk)) {
            sha.update(chunk, 0, read);
            int copy = Math.min(read, PREFIX_BYTES - kept);
            System.arraycopy(chunk, 0, prefix, kept, copy);
            kept += copy;
            size += read;
        }
        return new MessageBody(Arrays.copyOf(prefix, utf8Boundary(prefix, kept)), size, HexFormat.of().formatHex(sha.digest()));
    }

    public static MessageBody prefixOf(byte[] body) {
        int[] at = {0};
        return prefixOf(buffer -> {
            if (at[0] >= body.length) {
                return -1;
            }
            int n = Math.min(buffer.length, body.length - at[0]);
            System.arraycopy(body, at[0], buffer, 0, n);
            at[0] += n;
            return n;
        });
    }

    /** The UTF-8 encoding of a text, as String.getBytes makes it, limited to its prefix. */
    public static MessageBody prefixOf(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer in = CharBuffer.wrap(text);
        boolean[] flushed = {false};
        return prefixOf(buffer -> {
            if (flushed[0]) {
                return -1;
            }
            ByteBuffer out = ByteBuffer.wrap(buffer);
            CoderResult result = encoder.encode(in, out, true);
            if (result.isUnderflow()) {
                encoder.flush(out);
                flushed[0] = true;
            }
            return out.position();
        });
    }

    /** Cuts before a UTF-8 sequence the prefix splits, so that a text body's prefix stays text. */
    private static int utf8Boundary(byte[] prefix, int length) {
        int lead = length - 1;
        while (lead >= 0 && length - lead <= 3 && (prefix[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < 0 || (prefix[lead] & 0xC0) != 0xC0) {
            return length;
        }
        int first = prefix[lead] & 0xFF;
        int expected = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
        return length - lead >= expected ? length : lead;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The size of the whole body in bytes. */
    public long size() {
        return size;
    }

    public boolean complete() {
        return bytes.length == size;
    }

    /** The SHA-256 of the whole body, in hex. */
    public String sha256() {
        if (sha256 == null) {
            sha256 = HexFormat.of().formatHex(newDigest().digest(bytes));
        }
        return sha256;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
