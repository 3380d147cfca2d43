package dev.opsdeck.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/observability against the rest: every alert has a promtool test and a runbook line, every Opsdeck metric
 * queried is documented, and the Kubernetes PrometheusRule ships the very rules promtool tests. That the metrics are
 * exposed is checked against a live /metrics by PlatformIT (PostgreSQL) and RunnableJarIT (embedded H2).
 */
class ObservabilityFilesTest {

    @Test
    void metricNamesOfAnExpressionLeaveOutFunctionsMatchersRangesAndGroupings() {
        assertEquals(Set.of("opsdeck_ingestion_lag_seconds_bucket"), ObservabilityFiles.metricNames(
                "histogram_quantile(0.95, sum by (stream, le) (rate(opsdeck_ingestion_lag_seconds_bucket{stream=~\"a|b\"}[5m]))) > 60"));
        assertEquals(Set.of("memory_usedHeap_bytes", "memory_maxHeap_bytes"),
                ObservabilityFiles.metricNames("memory_usedHeap_bytes / memory_maxHeap_bytes > 0.9"));
        assertEquals(Set.of("opsdeck_ingestion_queue_depth", "opsdeck_ingestion_events_total"), ObservabilityFiles.metricNames(
                "max by (stream) (opsdeck_ingestion_queue_depth) > 0 and on (stream) sum by (stream) "
                        + "(rate(opsdeck_ingestion_events_total{outcome!=\"retried\"}[$__rate_interval])) == 0"));
    }

    @Test
    void everyAlertHasAPromtoolTestAndARunbookLine() throws IOException {
        String tests = Files.readString(ObservabilityFiles.RULE_TESTS);
        String alertsSection = readmeSection("### Alerts");
        Map<String, String> alerts = ObservabilityFiles.alertExpressions();
        assertTrue(alerts.size() >= 10, "alerts: " + alerts.keySet());
        for (String alert : alerts.keySet()) {
            assertTrue(tests.contains("alertname: " + alert), alert + " has no test in " + ObservabilityFiles.RULE_TESTS);
            assertTrue(alertsSection.contains("`" + alert + "`"), alert + " has no runbook line under README's Alerts");
        }
    }

    @Test
    void everyOpsdeckMetricTheDashboardAndTheAlertsQueryIsInReadmesMetricsTable() throws IOException {
        String metricsSection = readmeSection("### Metrics");
        Set<String> queried = ObservabilityFiles.queriedMetrics();
        assertTrue(queried.contains("opsdeck_http_server_request_duration_seconds_bucket"), "queried: " + queried);
        Set<String> undocumented = new TreeSet<>();
        for (String name : queried) {
            String family = name.replaceAll("_(bucket|count|sum)$", "");
            boolean documented = metricsSection.contains("`" + name + "`") || metricsSection.contains("`" + family + "`");
            if (!ObservabilityFiles.PROMETHEUS_OWN.contains(name) && !documented) {
                undocumented.add(family);
            }
        }
        assertEquals(Set.of(), undocumented, "queried by deploy/observability but not in README's Metrics table");
    }

    @Test
    void thePrometheusRuleOfEveryOverlayShipsTheRulesPromtoolTests() {
        Object groups = ObservabilityFiles.yaml(ObservabilityFiles.RULES).get("groups");
        try (var dirs = Files.list(Path.of("deploy/k8s/overlays"))) {
            List<Path> overlays = dirs.filter(Files::isDirectory).sorted().toList();
            assertTrue(overlays.size() >= 2);
            for (Path overlay : overlays) {
                Map<String, Object> rule = RenderedOverlay.render(overlay).get("PrometheusRule", "opsdeck");
                assertEquals(groups, RenderedOverlay.at(rule, "spec", "groups"), overlay + ": PrometheusRule differs from " + ObservabilityFiles.RULES);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readmeSection(String heading) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has no " + heading);
        int end = readme.indexOf("\n#", start + heading.length() + 2);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
