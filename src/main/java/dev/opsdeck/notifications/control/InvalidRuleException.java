package dev.opsdeck.notifications.control;

/** A notification rule that is wrong; names the field so the API can answer 422 and the console mark it. */
public class InvalidRuleException extends RuntimeException {

    private final String field;

    public InvalidRuleException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
