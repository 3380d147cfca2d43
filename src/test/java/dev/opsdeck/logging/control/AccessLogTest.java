package dev.opsdeck.logging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private final AccessLog.Entry entry = new AccessLog.Entry("POST", "/api/v1/payments/{id}/refund-requests",
            "/api/v1/payments/11111111-1111-1111-1111-111111111111/refund-requests", 202, Duration.ofNanos(12_345_000), "otto");

    @Test
    void fieldsNameMethodRouteStatusDurationAndCaller() {
        Map<String, String> fields = AccessLog.fields(entry);
        assertEquals(List.of("http_method", "http_route", "http_path", "http_status", "duration_ms", "caller"), List.copyOf(fields.keySet()));
        assertEquals("202", fields.get("http_status"));
        assertEquals("12.3", fields.get("duration_ms"));
        assertEquals("otto", fields.get("caller"));
    }

    @Test
    void theMessageReadsAsOneLine() {
        assertEquals("POST /api/v1/payments/{id}/refund-requests 202 12.3 ms otto", AccessLog.message(entry));
    }
}
