package dev.opsdeck.reports.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A configuration's mail recipients: plain addresses (no display names), checked strictly, each once. */
public final class ReportRecipients {

    static final int MAX = 50;

    private ReportRecipients() {
    }

    /** From the API's {@code "recipients": ["ops@example.com"]}; absent or null means none. */
    public static List<String> parse(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidReportException("recipients", "expected an array of e-mail addresses");
        }
        List<String> addresses = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw new InvalidReportException("recipients", "expected an array of e-mail addresses");
            }
            addresses.add(text.getString());
        }
        return check(addresses);
    }

    /** From the console's text field: addresses separated by commas, semicolons or white space. */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return check(Arrays.stream(text.split("[,;\\s]+")).filter(a -> !a.isBlank()).toList());
    }

    private static List<String> check(List<String> addresses) {
        if (addresses.size() > MAX) {
            throw new InvalidReportException("recipients", "at most " + MAX + " addresses, were " + addresses.size());
        }
        List<String> valid = new ArrayList<>();
        for (String candidate : addresses) {
            String address = candidate.strip();
            try {
                InternetAddress parsed = new InternetAddress(address, true);
                parsed.validate();
                if (parsed.getPersonal() != null || !parsed.getAddress().equals(address) || !address.contains("@")
                        || address.length() > 254) {
                    throw new AddressException("not a plain address");
                }
            } catch (AddressException e) {
                throw new InvalidReportException("recipients", "not an e-mail address: "
                        + (address.length() > 80 ? address.substring(0, 80) + "..." : address));
            }
            if (!valid.contains(address)) {
                valid.add(address);
            }
        }
        if (String.join(",", valid).length() > 4000) {
            throw new InvalidReportException("recipients", "at most 4000 characters together");
        }
        return List.copyOf(valid);
    }
}
