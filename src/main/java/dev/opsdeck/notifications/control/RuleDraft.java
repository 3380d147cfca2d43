package dev.opsdeck.notifications.control;

import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.notifications.entity.NotificationKind;
import dev.opsdeck.reports.control.InvalidReportException;
import dev.opsdeck.reports.control.ReportRecipients;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A rule as an admin entered it, checked: a known kind, a threshold for dead letters, a known stream, plain addresses. */
public record RuleDraft(NotificationKind kind, Long threshold, String stream, List<String> recipients, boolean enabled) {

    static final long MAX_THRESHOLD = 1_000_000_000L;

    public RuleDraft {
        if (kind == null) {
            throw new InvalidRuleException("kind", "expected one of " + kinds());
        }
        if (kind == NotificationKind.DEAD_LETTERS) {
            if (threshold == null || threshold < 0 || threshold > MAX_THRESHOLD) {
                throw new InvalidRuleException("threshold", "dead_letters needs a threshold from 0 to " + MAX_THRESHOLD
                        + " (more than this many waiting fires the rule)");
            }
        } else {
            threshold = null;
        }
        if (stream != null && stream.isBlank()) {
            stream = null;
        }
        if (stream != null) {
            if (!kind.perStream()) {
                throw new InvalidRuleException("stream", kind.label() + " watches no stream");
            }
            String named = stream;
            if (Arrays.stream(Stream.values()).noneMatch(s -> s.label().equals(named))) {
                throw new InvalidRuleException("stream", "expected " + streams() + " or none for every stream, was " + stream);
            }
        }
        if (recipients == null || recipients.isEmpty()) {
            throw new InvalidRuleException("recipients", "at least one address is required");
        }
        recipients = List.copyOf(recipients);
    }

    /** From the API's {@code {"kind", "threshold", "stream", "recipients": [...], "enabled"}}. */
    public static RuleDraft of(JsonObject body) {
        if (body == null) {
            throw new InvalidRuleException("body", "a JSON object with kind and recipients is required");
        }
        JsonValue threshold = body.get("threshold");
        if (threshold != null && threshold.getValueType() != JsonValue.ValueType.NULL && !(threshold instanceof JsonNumber)) {
            throw new InvalidRuleException("threshold", "expected a whole number");
        }
        JsonValue enabled = body.get("enabled");
        if (enabled != null && enabled != JsonValue.TRUE && enabled != JsonValue.FALSE) {
            throw new InvalidRuleException("enabled", "expected true or false");
        }
        return new RuleDraft(kind(text(body, "kind")), threshold instanceof JsonNumber number ? wholeNumber(number) : null,
                text(body, "stream"), recipients(() -> ReportRecipients.parse(body.get("recipients"))),
                enabled == null || enabled == JsonValue.TRUE);
    }

    /** From the console's form: the recipients as one text, separated by commas, semicolons or white space. */
    public static RuleDraft of(String kind, Long threshold, String stream, String recipients, boolean enabled) {
        return new RuleDraft(kind(kind), threshold, stream, recipients(() -> ReportRecipients.parse(recipients)), enabled);
    }

    private static NotificationKind kind(String label) {
        return NotificationKind.of(label == null ? "" : label)
                .orElseThrow(() -> new InvalidRuleException("kind", "expected one of " + kinds() + ", was " + label));
    }

    private static List<String> recipients(java.util.function.Supplier<List<String>> parse) {
        try {
            return parse.get();
        } catch (InvalidReportException e) {
            throw new InvalidRuleException("recipients", e.getMessage().replaceFirst("^recipients: ", ""));
        }
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw new InvalidRuleException(name, "expected a string");
        }
        return text.getString();
    }

    private static Long wholeNumber(JsonNumber number) {
        if (!number.isIntegral()) {
            throw new InvalidRuleException("threshold", "expected a whole number");
        }
        return number.longValue();
    }

    private static String kinds() {
        return Arrays.stream(NotificationKind.values()).map(NotificationKind::label).collect(Collectors.joining(", "));
    }

    private static String streams() {
        return Arrays.stream(Stream.values()).map(Stream::label).collect(Collectors.joining(" or "));
    }
}
