package dev.opsdeck.logging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PlainLinesTest {

    private static LogRecord record(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setInstant(Instant.parse("2026-12-03T08:01:02.345Z"));
        return record;
    }

    @Test
    void recordIsOneLineWithUtcTimeLevelShortLoggerAndMessage() {
        String line = new PlainLines().format(record(Level.INFO, "dev.opsdeck.schema.boundary.SchemaMigration", "Schema at version 8"));

        assertEquals("2026-12-03 08:01:02.345 INFO    SchemaMigration: Schema at version 8" + System.lineSeparator(), line);
    }

    @Test
    void failureIsFollowedByItsStackTrace() {
        LogRecord record = record(Level.SEVERE, "dev.opsdeck.api.boundary.ApiExceptionMapper", "Unexpected failure, ref 7f3a9c: GET /api/v1/info");
        record.setThrown(new IllegalStateException("boom"));

        String text = new PlainLines().format(record);

        assertTrue(text.startsWith("2026-12-03 08:01:02.345 SEVERE  ApiExceptionMapper: Unexpected failure, ref 7f3a9c"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("\tat dev.opsdeck.logging.control.PlainLinesTest"), text);
    }

    @Test
    void bannerIsWrittenAsItIs() {
        String text = new PlainLines().format(record(Level.INFO, PlainLines.BARE, "Opsdeck is ready\n  Console    http://localhost:8080/"));

        assertEquals("Opsdeck is ready\n  Console    http://localhost:8080/" + System.lineSeparator(), text);
    }
}
