package dev.opsdeck.logging.control;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The server's JSON line (the same names: Timestamp, Level, LoggerName, ThreadID, TimeMillis, LevelValue, LogMessage)
 * with a record's map parameters as fields, written straight by a JSON generator: for the access lines, written by
 * the thousand on one thread (BackgroundLines), which need none of the server formatter's per-record lookups.
 */
public class JsonLines extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    @Override
    public String format(LogRecord record) {
        StringWriter line = new StringWriter(320);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject()
                    .write("Timestamp", TIME.format(record.getInstant()))
                    .write("Level", record.getLevel().getName())
                    .write("Version", "")
                    .write("LoggerName", record.getLoggerName() == null ? "" : record.getLoggerName())
                    .write("ThreadID", String.valueOf(record.getLongThreadID()))
                    .write("TimeMillis", String.valueOf(record.getMillis()))
                    .write("LevelValue", String.valueOf(record.getLevel().intValue()))
                    .write("LogMessage", formatMessage(record));
            Object[] parameters = record.getParameters();
            if (parameters != null) {
                for (Object parameter : parameters) {
                    if (parameter instanceof Map<?, ?> fields) {
                        fields.forEach((name, value) -> json.write(String.valueOf(name), String.valueOf(value)));
                    }
                }
            }
            json.writeEnd();
        }
        return line.append(System.lineSeparator()).toString();
    }
}
