package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.ReportType;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed parameters of each report type, checked before a run is queued: payments_summary needs a
 * date range {@code from}..{@code to} (inclusive, UTC days, at most 366 days); refunds takes an optional range;
 * dead_letters an optional {@code state}; account_balances none.
 */
public final class ReportParameters {

    static final int MAX_DAYS = 366;
    private static final Set<String> DEAD_LETTER_STATES = Set.of("waiting", "replayed", "discarded");

    private ReportParameters() {
    }

    public static Map<String, String> validate(ReportType type, JsonObject given) {
        JsonObject parameters = given == null ? JsonValue.EMPTY_JSON_OBJECT : given;
        Map<String, String> valid = new LinkedHashMap<>();
        List<String> allowed = switch (type) {
            case ACCOUNT_BALANCES -> List.of();
            case PAYMENTS_SUMMARY, REFUNDS -> List.of("from", "to");
            case DEAD_LETTERS -> List.of("state");
        };
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidReportException("parameters." + name, "not a parameter of " + type.label()
                        + (allowed.isEmpty() ? ", which takes none" : "; allowed: " + String.join(", ", allowed)));
            }
        }
        if (type == ReportType.PAYMENTS_SUMMARY || type == ReportType.REFUNDS) {
            boolean required = type == ReportType.PAYMENTS_SUMMARY;
            LocalDate from = date(parameters, "from", required);
            LocalDate to = date(parameters, "to", required);
            if ((from == null) != (to == null)) {
                throw new InvalidReportException("parameters." + (from == null ? "from" : "to"), "give both from and to, or neither");
            }
            if (from != null) {
                if (to.isBefore(from)) {
                    throw new InvalidReportException("parameters.to", "before from (" + from + ")");
                }
                if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                    throw new InvalidReportException("parameters.to", "the range may span at most " + MAX_DAYS + " days");
                }
                valid.put("from", from.toString());
                valid.put("to", to.toString());
            }
        }
        if (type == ReportType.DEAD_LETTERS) {
            String state = text(parameters, "state");
            if (state != null && !DEAD_LETTER_STATES.contains(state)) {
                throw new InvalidReportException("parameters.state", "expected waiting, replayed or discarded, was " + state);
            }
            valid.put("state", state == null ? "waiting" : state);
        }
        return valid;
    }

    private static LocalDate date(JsonObject parameters, String name, boolean required) {
        String text = text(parameters, name);
        if (text == null) {
            if (required) {
                throw new InvalidReportException("parameters." + name, "required, a date like 2026-11-01");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidReportException("parameters." + name, "not a date like 2026-11-01: " + text);
        }
    }

    private static String text(JsonObject parameters, String name) {
        JsonValue value = parameters.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidReportException("parameters." + name, "expected a string");
        }
        return string.getString();
    }
}
