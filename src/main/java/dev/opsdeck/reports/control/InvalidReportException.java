package dev.opsdeck.reports.control;

/** A report request or configuration that is wrong; names the field so the API can answer 422. */
public class InvalidReportException extends RuntimeException {

    private final String field;

    public InvalidReportException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
