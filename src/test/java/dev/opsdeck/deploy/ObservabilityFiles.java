package dev.opsdeck.deploy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** What deploy/observability ships: the alerting rules, their tests and the Grafana dashboard, and the metric names they query. */
public final class ObservabilityFiles {

    public static final Path DIR = Path.of("deploy/observability");
    public static final Path RULES = DIR.resolve("opsdeck-alerts.yaml");
    public static final Path RULE_TESTS = DIR.resolve("opsdeck-alerts-test.yaml");
    public static final Path DASHBOARD = DIR.resolve("opsdeck-dashboard.json");
    /** Series Prometheus itself makes for each target, not any exporter's. */
    public static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Pattern STRINGS = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPINGS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_:][A-Za-z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    private ObservabilityFiles() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> alertExpressions() {
        Map<String, Object> rules = yaml(RULES);
        Map<String, String> alerts = new java.util.LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        return alerts;
    }

    public static List<String> dashboardExpressions() {
        try (Reader in = Files.newBufferedReader(DASHBOARD); JsonReader reader = Json.createReader(in)) {
            List<String> expressions = new ArrayList<>();
            for (JsonValue panel : reader.readObject().getJsonArray("panels")) {
                JsonArray targets = panel.asJsonObject().getJsonArray("targets");
                if (targets != null) {
                    targets.getValuesAs(JsonObject.class).forEach(target -> expressions.add(target.getString("expr")));
                }
            }
            return expressions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every metric name the alerts and the dashboard query. */
    public static Set<String> queriedMetrics() {
        Set<String> names = new TreeSet<>();
        alertExpressions().values().forEach(expression -> names.addAll(metricNames(expression)));
        dashboardExpressions().forEach(expression -> names.addAll(metricNames(expression)));
        return names;
    }

    /** The metric names in a PromQL expression: identifiers left once strings, matchers, ranges, groupings and calls are gone. */
    public static Set<String> metricNames(String expression) {
        String bare = STRINGS.matcher(expression).replaceAll("\"\"");
        bare = LABEL_MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGES.matcher(bare).replaceAll(" ");
        bare = GROUPINGS.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(bare);
        while (identifiers.find()) {
            String identifier = identifiers.group();
            if (!KEYWORDS.contains(identifier.toLowerCase())) {
                names.add(identifier);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
