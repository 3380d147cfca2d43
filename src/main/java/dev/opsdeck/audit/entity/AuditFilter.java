package dev.opsdeck.audit.entity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** What the audit log page and its export are narrowed to; blank means any. Dates are whole UTC days, inclusive. */
public record AuditFilter(String actor, String action, String targetId, LocalDate from, LocalDate to) {

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        targetId = blankToNull(targetId);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The end date " + to + " is before the start date " + from);
        }
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }

    /** Reads a filter from request parameters, as the page's query string and the export link carry it. */
    public static AuditFilter from(Function<String, String> parameter) {
        return new AuditFilter(parameter.apply("actor"), parameter.apply("action"), parameter.apply("target"),
                date(parameter.apply("from"), "from"), date(parameter.apply("to"), "to"));
    }

    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "actor", actor);
        put(parameters, "action", action);
        put(parameters, "target", targetId);
        put(parameters, "from", from == null ? null : from.toString());
        put(parameters, "to", to == null ? null : to.toString());
        return parameters;
    }

    public String describe() {
        Map<String, String> parameters = parameters();
        return parameters.isEmpty() ? "no filter" : parameters.toString();
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a date like 2026-11-01: " + text);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
