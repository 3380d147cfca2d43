package dev.opsdeck.logging.control;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One readable line per record for a person at a terminal: UTC time, level, the logger's last name, the message,
 * then any stack trace. Records of the {@value #BARE} logger (the start banner) are written as they are.
 */
public class PlainLines extends Formatter {

    public static final String BARE = "opsdeck.banner";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        if (BARE.equals(record.getLoggerName())) {
            return message + System.lineSeparator();
        }
        String line = "%s %-7s %s: %s%n".formatted(TIME.format(record.getInstant()), record.getLevel().getName(),
                shortName(record.getLoggerName()), message);
        return record.getThrown() == null ? line : line + stackTrace(record.getThrown());
    }

    private static String shortName(String logger) {
        if (logger == null || logger.isEmpty()) {
            return "-";
        }
        return logger.substring(logger.lastIndexOf('.') + 1);
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
