package dev.opsdeck.commands.control;

/** A request for an action that is not taken, and why; nothing was stored or sent. */
public class ActionRefusedException extends RuntimeException {

    public enum Why { INVALID, NOT_FOUND, NOT_ELIGIBLE, FORBIDDEN }

    private final Why why;
    private final String field;

    public ActionRefusedException(Why why, String field, String message) {
        super(message);
        this.why = why;
        this.field = field;
    }

    public Why why() {
        return why;
    }

    /** The request field at fault, for {@link Why#INVALID}. */
    public String field() {
        return field;
    }
}
