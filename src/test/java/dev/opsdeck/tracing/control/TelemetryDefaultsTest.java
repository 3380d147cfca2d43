package dev.opsdeck.tracing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryDefaultsTest {

    @Test
    void anOtlpEndpointInTheEnvironmentTurnsTheSdkOn() {
        TelemetryDefaults source = new TelemetryDefaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")::get, key -> null);
        assertEquals("false", source.getValue("otel.sdk.disabled"));
        assertEquals("opsdeck", source.getValue("otel.service.name"));
        assertEquals("http/protobuf", source.getValue("otel.exporter.otlp.protocol"));
    }

    @Test
    void aTracesEndpointOrASystemPropertyDoesToo() {
        assertEquals("false", new TelemetryDefaults(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://tempo:4318/v1/traces")::get,
                key -> null).getValue("otel.sdk.disabled"));
        assertEquals("false", new TelemetryDefaults(key -> null,
                Map.of("otel.exporter.otlp.endpoint", "http://collector:4318")::get).getValue("otel.sdk.disabled"));
    }

    @Test
    void withoutAnEndpointTheSdkStaysOff() {
        assertEquals("true", new TelemetryDefaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")::get, key -> null)
                .getValue("otel.sdk.disabled"));
    }

    @Test
    void aKeyTheJvmSetsAsASystemPropertyIsLeftToIt() {
        TelemetryDefaults source = new TelemetryDefaults(key -> null, Map.of("otel.service.name", "opsdeck-eu")::get);
        assertNull(source.getValue("otel.service.name"));
        assertFalse(source.getPropertyNames().contains("otel.service.name"));
        assertTrue(source.getPropertyNames().contains("otel.sdk.disabled"));
    }

    @Test
    void ranksBelowEnvironmentAndSystemProperties() {
        int ordinal = new TelemetryDefaults(key -> null, key -> null).getOrdinal();
        assertTrue(ordinal < 300, String.valueOf(ordinal));
    }
}
