package dev.opsdeck.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One kustomize overlay as {@code kubectl kustomize} renders it, with lookups over its resources. */
final class RenderedOverlay {

    private final String name;
    private final List<Map<String, Object>> resources;

    private RenderedOverlay(String name, List<Map<String, Object>> resources) {
        this.name = name;
        this.resources = resources;
    }

    static RenderedOverlay render(Path overlay) {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render " + overlay + " (kubectl kustomize) and was not found "
                    + "on the PATH: install kubectl 1.27 or newer", e);
        }
        try {
            byte[] out = readAll(process.getInputStream());
            byte[] err = readAll(process.getErrorStream());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed:\n" + new String(err, StandardCharsets.UTF_8));
            }
            List<Map<String, Object>> documents = new ArrayList<>();
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            for (Object document : yaml.loadAll(new String(out, StandardCharsets.UTF_8))) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return new RenderedOverlay(overlay.getFileName().toString(), documents);
        } catch (IOException e) {
            throw new AssertionError("reading kubectl kustomize " + overlay, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    String name() {
        return name;
    }

    Stream<Map<String, Object>> all(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind")));
    }

    Optional<Map<String, Object>> find(String kind, String resourceName) {
        return all(kind).filter(resource -> resourceName.equals(at(resource, "metadata", "name"))).findFirst();
    }

    Map<String, Object> get(String kind, String resourceName) {
        return find(kind, resourceName).orElseThrow(() -> new AssertionError(name + ": no " + kind + " " + resourceName));
    }

    /** Every container (and init container) of every workload, with the workload it belongs to. */
    Stream<Container> containers() {
        return Stream.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob").flatMap(this::all).flatMap(workload ->
                Stream.of("containers", "initContainers").flatMap(field -> list(at(workload, "spec", "template", "spec", field))
                        .stream().map(container -> new Container(workload, map(container)))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** The value at a path of map keys, or null. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    record Container(Map<String, Object> workload, Map<String, Object> spec) {

        String workloadName() {
            return Objects.toString(at(workload, "metadata", "name"));
        }

        Map<String, Object> podSpec() {
            return map(at(workload, "spec", "template", "spec"));
        }

        String label() {
            return workloadName() + "/" + spec.get("name");
        }
    }
}
