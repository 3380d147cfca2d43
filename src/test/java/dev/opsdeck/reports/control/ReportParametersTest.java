package dev.opsdeck.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsdeck.reports.entity.ReportType;
import jakarta.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportParametersTest {

    private static String field(ReportType type, String json) {
        return assertThrows(InvalidReportException.class,
                () -> ReportParameters.validate(type, Json.createReader(new java.io.StringReader(json)).readObject())).field();
    }

    @Test
    void paymentsSummaryNeedsAnOrderedRangeOfAtMostAYear() {
        assertEquals(Map.of("from", "2026-01-01", "to", "2026-12-31"), ReportParameters.validate(ReportType.PAYMENTS_SUMMARY,
                Json.createObjectBuilder().add("from", "2026-01-01").add("to", "2026-12-31").build()));
        assertEquals("parameters.from", field(ReportType.PAYMENTS_SUMMARY, "{}"));
        assertEquals("parameters.to", field(ReportType.PAYMENTS_SUMMARY, "{\"from\":\"2026-02-01\",\"to\":\"2026-01-31\"}"));
        assertEquals("parameters.to", field(ReportType.PAYMENTS_SUMMARY, "{\"from\":\"2025-01-01\",\"to\":\"2026-01-02\"}"));
        assertEquals("parameters.from", field(ReportType.PAYMENTS_SUMMARY, "{\"from\":\"01/02/2026\",\"to\":\"2026-01-31\"}"));
    }

    @Test
    void refundsTakeBothEndsOfARangeOrNeither() {
        assertEquals(Map.of(), ReportParameters.validate(ReportType.REFUNDS, null));
        assertEquals("parameters.to", field(ReportType.REFUNDS, "{\"from\":\"2026-01-01\"}"));
    }

    @Test
    void unknownParametersAndStatesAreNamed() {
        assertEquals("parameters.currency", field(ReportType.ACCOUNT_BALANCES, "{\"currency\":\"EUR\"}"));
        assertEquals("parameters.state", field(ReportType.DEAD_LETTERS, "{\"state\":\"lost\"}"));
        assertEquals(Map.of("state", "waiting"), ReportParameters.validate(ReportType.DEAD_LETTERS, null));
    }
}
