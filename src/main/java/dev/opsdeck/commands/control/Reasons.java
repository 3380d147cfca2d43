package dev.opsdeck.commands.control;

/** The reason an operator gives for an action: required, 3 to 500 characters once trimmed. */
public final class Reasons {

    static final int MIN = 3;
    static final int MAX = 500;

    private Reasons() {
    }

    public static String check(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new ActionRefusedException(ActionRefusedException.Why.INVALID, "reason", "required");
        }
        if (text.length() < MIN || text.length() > MAX) {
            throw new ActionRefusedException(ActionRefusedException.Why.INVALID, "reason",
                    "must be " + MIN + " to " + MAX + " characters, was " + text.length());
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new ActionRefusedException(ActionRefusedException.Why.INVALID, "reason", "must not contain control characters");
        }
        return text;
    }
}
