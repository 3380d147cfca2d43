package dev.opsdeck.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A scrape of /metrics in Prometheus text: its samples by name, with each sample's label text and value. */
public final class MetricsText {

    public record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples;

    private MetricsText(List<Sample> samples) {
        this.samples = samples;
    }

    public static MetricsText parse(String text) {
        return new MetricsText(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(MetricsText::sample).toList());
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        int nameEnd = brace >= 0 && brace < space ? brace : line.indexOf(' ');
        String labels = brace >= 0 && brace < space ? line.substring(brace + 1, line.lastIndexOf('}')) : "";
        return new Sample(line.substring(0, nameEnd), labels, Double.parseDouble(line.substring(space + 1)));
    }

    public Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The value of the one sample of that name whose labels contain every given {@code label="value"} pair. */
    public OptionalDouble value(String name, String... labelPairs) {
        Map<String, Double> matches = new LinkedHashMap<>();
        for (Sample sample : samples) {
            if (sample.name().equals(name) && List.of(labelPairs).stream().allMatch(pair -> sample.labels().contains(pair))) {
                matches.put(sample.labels(), sample.value());
            }
        }
        return matches.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matches.values().iterator().next());
    }
}
