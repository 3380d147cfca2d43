package dev.opsdeck.logging.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * An unexpected failure is logged once, at SEVERE with its stack trace, under a short reference; the user is shown
 * that reference and nothing of the failure itself, and support finds the line by it.
 */
public final class Failures {

    /** The request attribute that carries the reference from where a failure was logged to the page that shows it. */
    public static final String REFERENCE_ATTRIBUTE = "opsdeck.failure.reference";

    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Failures() {
    }

    /** Logs the failure with its stack trace and answers the reference the log line carries. */
    public static String log(Logger logger, String where, Throwable failure) {
        String reference = newReference();
        logger.logp(Level.SEVERE, logger.getName(), null, "Unexpected failure, ref " + reference + ": " + where, failure);
        return reference;
    }

    public static boolean isReference(String text) {
        return text != null && REFERENCE.matcher(text).matches();
    }

    static String newReference() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
