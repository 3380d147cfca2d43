package dev.opsdeck.logging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void anAccessLineHasTheServersNamesItsFieldsAndItsTraceOnOneLine() {
        LogRecord record = new LogRecord(Level.INFO, "GET /api/v1/reports/{id} 200 1.2 ms \"quoted\"");
        record.setLoggerName(AccessLog.LOGGER);
        record.setInstant(Instant.parse("2026-12-03T17:32:20.117Z"));
        record.setParameters(new Object[]{AccessLog.fields(new AccessLog.Entry("GET", "/api/v1/reports/{id}", "/api/v1/reports/7", 200,
                Duration.ofNanos(1_234_000), "service"))});
        TraceFields.withTrace(record, "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");

        String line = new JsonLines().format(record);

        assertTrue(line.endsWith(System.lineSeparator()) && line.indexOf('\n') == line.length() - 1, line);
        JsonObject json = Json.createReader(new StringReader(line)).readObject();
        assertEquals("2026-12-03T17:32:20.117+0000", json.getString("Timestamp"));
        assertEquals("INFO", json.getString("Level"));
        assertEquals("800", json.getString("LevelValue"));
        assertEquals("opsdeck.access", json.getString("LoggerName"));
        assertEquals("GET /api/v1/reports/{id} 200 1.2 ms \"quoted\"", json.getString("LogMessage"));
        assertEquals("/api/v1/reports/{id}", json.getString("http_route"));
        assertEquals("200", json.getString("http_status"));
        assertEquals("service", json.getString("caller"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", json.getString("trace_id"));
        assertEquals("00f067aa0ba902b7", json.getString("span_id"));
    }
}
