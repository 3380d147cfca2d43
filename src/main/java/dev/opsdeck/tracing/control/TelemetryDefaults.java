package dev.opsdeck.tracing.control;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Opsdeck's defaults for MicroProfile Telemetry, below the {@code OTEL_*} environment variables: the SDK is on exactly
 * when an OTLP endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT},
 * or their system properties), so that naming the collector is enough, and {@code OTEL_SDK_DISABLED} still wins.
 * These keys live here and nowhere else because Payara collects the {@code otel.*} names of all sources into one map
 * and fails the deployment on a name two sources hold: a key the JVM sets as a system property is left out.
 */
public class TelemetryDefaults implements ConfigSource {

    static final String DISABLED = "otel.sdk.disabled";
    private static final String[] ENDPOINTS = {"otel.exporter.otlp.endpoint", "otel.exporter.otlp.traces.endpoint"};

    private final Map<String, String> values = new LinkedHashMap<>();

    public TelemetryDefaults() {
        this(System::getenv, System::getProperty);
    }

    TelemetryDefaults(Function<String, String> environment, Function<String, String> systemProperties) {
        values.put(DISABLED, String.valueOf(!endpointConfigured(environment, systemProperties)));
        values.put("otel.service.name", "opsdeck");
        values.put("otel.exporter.otlp.protocol", "http/protobuf");
        values.put("otel.metrics.exporter", "none");
        values.put("otel.logs.exporter", "none");
        values.keySet().removeIf(key -> systemProperties.apply(key) != null);
    }

    static boolean endpointConfigured(Function<String, String> environment, Function<String, String> systemProperties) {
        for (String key : ENDPOINTS) {
            String environmentName = key.toUpperCase(Locale.ROOT).replace('.', '_');
            if (present(environment.apply(environmentName)) || present(systemProperties.apply(key))) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "opsdeck-telemetry-defaults";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
