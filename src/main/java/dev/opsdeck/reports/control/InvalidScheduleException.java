package dev.opsdeck.reports.control;

/** A schedule that cannot run; the message starts with the field at fault ({@code cron} or {@code time_zone}). */
public class InvalidScheduleException extends RuntimeException {

    private final String field;

    public InvalidScheduleException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
