package dev.opsdeck.tables.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum ReportFormat {

    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static ReportFormat parse(String text) {
        if (text != null) {
            for (ReportFormat format : values()) {
                if (format.extension.equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "', expected one of " + allowed());
    }

    private static String allowed() {
        return Arrays.stream(values()).map(f -> f.extension).collect(Collectors.joining(", "));
    }
}
