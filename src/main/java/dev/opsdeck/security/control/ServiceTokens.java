package dev.opsdeck.security.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The service tokens of {@code SERVICE_API_TOKENS}: several are valid at once so a token can be rotated.
 * Only digests are kept, and a candidate is compared with every one of them so the time taken tells nothing.
 */
public final class ServiceTokens {

    public static final String KEY = "service.api.tokens";
    static final int MIN_LENGTH = 16;

    private final List<byte[]> digests;

    private ServiceTokens(List<byte[]> digests) {
        this.digests = digests;
    }

    public static ServiceTokens parse(String commaSeparated) {
        String[] parts = commaSeparated == null ? new String[0] : commaSeparated.split(",");
        List<String> tokens = Arrays.stream(parts).map(String::trim).filter(token -> !token.isEmpty()).toList();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).length() < MIN_LENGTH) {
                throw new InvalidConfigurationException(KEY + " (SERVICE_API_TOKENS)",
                        "token number " + (i + 1) + " is shorter than " + MIN_LENGTH + " characters");
            }
        }
        return new ServiceTokens(tokens.stream().map(ServiceTokens::digest).toList());
    }

    public boolean accepts(String candidate) {
        byte[] presented = digest(candidate);
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, presented);
        }
        return match;
    }

    public int count() {
        return digests.size();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
