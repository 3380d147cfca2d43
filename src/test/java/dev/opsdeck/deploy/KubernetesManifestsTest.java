package dev.opsdeck.deploy;

import static dev.opsdeck.deploy.RenderedOverlay.at;
import static dev.opsdeck.deploy.RenderedOverlay.list;
import static dev.opsdeck.deploy.RenderedOverlay.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.opsdeck.deploy.RenderedOverlay.Container;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders every overlay under deploy/k8s/overlays with {@code kubectl kustomize} and holds it against the code: the
 * variables Opsdeck gets are documented keys the code reads, probes hit the health checks the code has, images are
 * pinned, the memory limit covers the measured RSS, and secrets only ever come from Secrets.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("deploy/k8s");
    /** The application's graceful stop after SIGTERM, when microprofile-config.properties does not set it. */
    private static final int SHUTDOWN_GRACE_DEFAULT_SECONDS = 25;
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|TOKENS|PUBLICKEY|SECRET).*");

    private static List<RenderedOverlay> overlays;
    private static String readme;
    private static String code;

    @BeforeAll
    static void render() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            overlays = dirs.filter(Files::isDirectory).sorted().map(RenderedOverlay::render).toList();
        }
        assertTrue(overlays.size() >= 2, "expected overlays under " + K8S.resolve("overlays"));
        readme = Files.readString(Path.of("README.md"));
        StringBuilder all = new StringBuilder();
        for (String root : List.of("src/main/java", "src/main/resources", "src/main/rar", "server-config")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    all.append(Files.readString(file)).append('\n');
                }
            }
        }
        code = all.toString();
    }

    /** The opsdeck container of both kinds of instance: console/API ({@code opsdeck}) and ingestion workers. */
    private static Stream<Container> opsdeck(RenderedOverlay overlay) {
        List<Container> containers = overlay.containers().filter(c -> c.workloadName().equals("opsdeck")
                || c.workloadName().equals("opsdeck-ingestion")).toList();
        assertEquals(2, containers.size(), overlay.name() + ": one opsdeck container in each of the two Deployments");
        return containers.stream();
    }

    @Test
    void consoleInstancesAndIngestionWorkersScaleApartWithTheirRoles() {
        for (RenderedOverlay overlay : overlays) {
            Map<String, String> roles = new java.util.HashMap<>();
            opsdeck(overlay).forEach(container -> list(container.spec().get("env")).stream().map(e -> map(e))
                    .filter(e -> "OPSDECK_ROLES".equals(e.get("name")))
                    .forEach(e -> roles.put(container.workloadName(), (String) e.get("value"))));
            assertEquals(Map.of("opsdeck", "console,api", "opsdeck-ingestion", "ingestion,scheduler"), roles, overlay.name());
            Map<String, Object> workers = overlay.get("Deployment", "opsdeck-ingestion");
            Map<String, Object> workerPods = map(at(workers, "spec", "selector", "matchLabels"));
            assertTrue(((Number) at(workers, "spec", "replicas")).intValue() >= 1, overlay.name() + ": an ingestion worker");
            assertTrue(overlay.all("PodDisruptionBudget").anyMatch(pdb -> map(at(pdb, "spec", "selector", "matchLabels"))
                    .equals(workerPods)), overlay.name() + ": a PodDisruptionBudget for the workers");
            assertEquals(map(at(overlay.get("Deployment", "opsdeck"), "spec", "selector", "matchLabels")),
                    map(at(overlay.get("Service", "opsdeck"), "spec", "selector")), overlay.name() + ": the Service sends only to console/API pods");
        }
    }

    @Test
    void bothKindsOfInstanceGetTheMailSettingsWithTheSmtpLoginFromASecret() {
        for (RenderedOverlay overlay : overlays) {
            opsdeck(overlay).forEach(container -> {
                Set<String> variables = variables(overlay, container);
                for (String variable : List.of("MAIL_HOST", "MAIL_PORT", "MAIL_STARTTLS", "MAIL_FROM", "MAIL_USER", "MAIL_PASSWORD")) {
                    assertTrue(variables.contains(variable), overlay.name() + ": " + container.workloadName() + " lacks " + variable);
                }
                for (String login : List.of("MAIL_USER", "MAIL_PASSWORD")) {
                    Object reference = list(container.spec().get("env")).stream().filter(e -> login.equals(map(e).get("name")))
                            .map(e -> at(e, "valueFrom", "secretKeyRef")).findFirst().orElse(null);
                    assertTrue(reference != null && "opsdeck-mail".equals(map(reference).get("name")),
                            overlay.name() + ": " + login + " must come from the Secret opsdeck-mail");
                }
            });
        }
    }

    @Test
    void everyVariableOpsdeckGetsIsADocumentedKeyTheCodeReads() {
        Map<String, List<String>> rows = configurationRows();
        for (RenderedOverlay overlay : overlays) {
            opsdeck(overlay).forEach(container -> {
                for (String variable : variables(overlay, container)) {
                    List<String> keys = rows.get(variable);
                    assertTrue(keys != null, overlay.name() + ": " + variable + " is not in README's Configuration table");
                    Set<String> candidates = new TreeSet<>(keys);
                    candidates.add(variable);
                    candidates.add(variable.toLowerCase().replace('_', '.'));
                    assertTrue(candidates.stream().anyMatch(KubernetesManifestsTest::readByCode),
                            overlay.name() + ": no code reads " + variable + " (looked for " + candidates + ")");
                }
            });
        }
    }

    /** A key is read when its literal, its environment variable, or its tail after the first segment (for keys the
     *  code builds per service, e.g. {@code service + ".service.url"}) appears in the sources or server configuration. */
    private static boolean readByCode(String key) {
        if (code.contains("\"" + key + "\"") || code.contains("ENV=" + key + "}") || code.contains("\n" + key + "=")) {
            return true;
        }
        int dot = key.indexOf('.');
        return dot > 0 && key.indexOf('.', dot + 1) > 0 && code.contains("\"" + key.substring(dot) + "\"");
    }

    /** README's Configuration table: every variable or key of a row's first cell, mapped to the row's dotted keys. */
    private static Map<String, List<String>> configurationRows() {
        int start = readme.indexOf("\n## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        assertTrue(start >= 0, "README has no Configuration section");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String first = line.substring(1, line.indexOf(" |", 1));
            List<String> names = new ArrayList<>();
            Matcher ticked = Pattern.compile("`([^`]+)`").matcher(first);
            while (ticked.find()) {
                names.add(ticked.group(1));
            }
            List<String> keys = names.stream().filter(n -> !n.equals(n.toUpperCase())).toList();
            names.forEach(n -> rows.put(n, keys));
        }
        return rows;
    }

    private static Set<String> variables(RenderedOverlay overlay, Container container) {
        Set<String> variables = new TreeSet<>();
        list(container.spec().get("env")).forEach(e -> variables.add((String) map(e).get("name")));
        for (Object source : list(container.spec().get("envFrom"))) {
            String configMap = (String) at(source, "configMapRef", "name");
            assertTrue(configMap != null, overlay.name() + ": envFrom only from ConfigMaps (secrets one key at a time)");
            variables.addAll(map(overlay.get("ConfigMap", configMap).get("data")).keySet());
        }
        return variables;
    }

    @Test
    void secretsComeOnlyFromSecretsAndOnlyTheDevOverlayGeneratesThem() {
        for (RenderedOverlay overlay : overlays) {
            overlay.containers().forEach(container -> {
                for (Object e : list(container.spec().get("env"))) {
                    String name = (String) map(e).get("name");
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertTrue(at(e, "valueFrom", "secretKeyRef") != null,
                                overlay.name() + ": " + container.label() + " " + name + " must come from a Secret");
                    }
                }
            });
            overlay.all("ConfigMap").forEach(configMap -> map(configMap.get("data")).keySet().forEach(key ->
                    assertFalse(SECRET_NAME.matcher(key).matches(), overlay.name() + ": secret-like " + key + " in a ConfigMap")));
            boolean generatesSecrets = overlay.all("Secret").findAny().isPresent();
            assertEquals(overlay.name().equals("dev"), generatesSecrets,
                    overlay.name() + ": only the dev overlay may carry (fake) Secrets");
        }
    }

    @Test
    void theDevOverlayGeneratesEverySecretItReferences() {
        RenderedOverlay dev = overlays.stream().filter(o -> o.name().equals("dev")).findFirst().orElseThrow();
        dev.containers().forEach(container -> list(container.spec().get("env")).forEach(e -> {
            Object reference = at(e, "valueFrom", "secretKeyRef");
            if (reference != null) {
                String secret = (String) map(reference).get("name");
                String key = (String) map(reference).get("key");
                Map<String, Object> data = map(dev.get("Secret", secret).get("data"));
                assertTrue(data.containsKey(key), "dev: Secret " + secret + " has no key " + key);
            }
        }));
        String databaseSecret = (String) at(dev.get("Cluster", "opsdeck-db"), "spec", "bootstrap", "initdb", "secret", "name");
        assertEquals(Set.of("username", "password"), map(dev.get("Secret", databaseSecret).get("data")).keySet());
    }

    @Test
    void probesHitTheHealthChecksTheCodeHas() {
        Map<String, String> kinds = Map.of("/health/live", "Liveness", "/health/ready", "Readiness", "/health/started", "Startup");
        for (RenderedOverlay overlay : overlays) {
            opsdeck(overlay).forEach(container -> {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    String path = (String) at(container.spec(), probe, "httpGet", "path");
                    assertTrue(kinds.containsKey(path), overlay.name() + ": " + probe + " on " + path + ", not a health endpoint");
                    assertTrue(hasHealthCheck(kinds.get(path)), "no @" + kinds.get(path) + " HealthCheck behind " + path);
                    assertTrue(readme.contains("`GET " + path + "`"), path + " is not in README's Endpoints");
                }
            });
            overlay.all("ServiceMonitor").forEach(monitor -> list(at(monitor, "spec", "endpoints")).forEach(endpoint ->
                    assertTrue(readme.contains("`GET " + map(endpoint).get("path") + "`"),
                            overlay.name() + ": ServiceMonitor scrapes " + map(endpoint).get("path") + ", not an endpoint")));
            assertEquals(1L, overlay.all("ServiceMonitor").count(), overlay.name() + ": a ServiceMonitor");
        }
    }

    private static boolean hasHealthCheck(String annotation) {
        return code.contains("import org.eclipse.microprofile.health." + annotation + ";")
                && Pattern.compile("@" + annotation + "\\s[^;]*?implements HealthCheck", Pattern.DOTALL).matcher(code).find();
    }

    @Test
    void everyImageIsPinnedByTagAndTheBrokerMatchesTheTestedArtemis() throws IOException {
        String artemis = pomProperty("artemis.version");
        for (RenderedOverlay overlay : overlays) {
            List<String> images = new ArrayList<>(overlay.containers().map(c -> (String) c.spec().get("image")).toList());
            overlay.all("Cluster").forEach(cluster -> images.add((String) at(cluster, "spec", "imageName")));
            for (String image : images) {
                String tag = tag(image);
                assertFalse(tag.isEmpty(), overlay.name() + ": image " + image + " has no tag");
                assertFalse(tag.equals("latest"), overlay.name() + ": image " + image + " is not pinned");
            }
            overlay.containers().filter(c -> c.workloadName().equals("artemis")).forEach(c ->
                    assertEquals(artemis, tag((String) c.spec().get("image")),
                            overlay.name() + ": the broker's image is not the Artemis the tests run (" + artemis + ")"));
        }
    }

    private static String tag(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1).replaceFirst("@.*", "");
        return last.contains(":") ? last.substring(last.indexOf(':') + 1) : "";
    }

    private static String pomProperty(String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml has no " + name);
        return m.group(1);
    }

    @Test
    void theMemoryLimitHoldsAFullHeapAboveTheMeasuredRss() throws IOException {
        Properties measured = new Properties();
        try (Reader in = Files.newBufferedReader(K8S.resolve("measured-rss.properties"))) {
            measured.load(in);
        }
        long rss = Long.parseLong(measured.getProperty("opsdeck.rss.mib"));
        long nonHeap = Long.parseLong(measured.getProperty("opsdeck.non-heap.mib"));
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(Files.readString(Path.of("Dockerfile")));
        assertTrue(percentage.find(), "the Dockerfile's JAVA_TOOL_OPTIONS set no MaxRAMPercentage");
        int heapPercent = Integer.parseInt(percentage.group(1));
        for (RenderedOverlay overlay : overlays) {
            opsdeck(overlay).forEach(container -> {
                long limit = mebibytes((String) at(container.spec(), "resources", "limits", "memory"));
                long request = mebibytes((String) at(container.spec(), "resources", "requests", "memory"));
                assertTrue(limit > rss, overlay.name() + ": memory limit " + limit + " MiB not above the measured RSS " + rss);
                assertTrue(request >= rss, overlay.name() + ": memory request " + request + " MiB below the measured RSS " + rss);
                long fullHeap = limit * heapPercent / 100;
                assertTrue(fullHeap + nonHeap < limit, overlay.name() + ": a full heap (" + fullHeap + " MiB, " + heapPercent
                        + "% of the limit) plus the measured rest of the process (" + nonHeap + " MiB) exceeds the limit " + limit);
            });
        }
    }

    private static long mebibytes(String quantity) {
        assertTrue(quantity != null, "no memory quantity");
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertTrue(m.matches(), "memory quantity in Mi or Gi expected, was " + quantity);
        return Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }

    @Test
    void gracePeriodCoversThePreStopSleepAndTheGracefulStop() throws IOException {
        Properties defaults = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            defaults.load(in);
        }
        int grace = Integer.parseInt(defaults.getProperty("shutdown.grace.seconds", String.valueOf(SHUTDOWN_GRACE_DEFAULT_SECONDS)));
        for (RenderedOverlay overlay : overlays) {
            opsdeck(overlay).forEach(container -> {
                List<Object> command = list(at(container.spec(), "lifecycle", "preStop", "exec", "command"));
                assertEquals("sleep", command.isEmpty() ? null : command.get(0), overlay.name() + ": preStop sleeps");
                int sleep = Integer.parseInt((String) command.get(1));
                int period = ((Number) container.podSpec().get("terminationGracePeriodSeconds")).intValue();
                assertTrue(period >= sleep + grace, overlay.name() + ": terminationGracePeriodSeconds " + period
                        + " < preStop " + sleep + " s + graceful stop " + grace + " s");
            });
        }
    }

    @Test
    void everyContainerRunsHardened() {
        for (RenderedOverlay overlay : overlays) {
            overlay.containers().forEach(container -> {
                Map<String, Object> pod = map(container.podSpec().get("securityContext"));
                Map<String, Object> own = map(container.spec().get("securityContext"));
                String where = overlay.name() + ": " + container.label();
                assertEquals(Boolean.TRUE, pod.get("runAsNonRoot"), where + " runAsNonRoot");
                assertEquals("RuntimeDefault", at(pod, "seccompProfile", "type"), where + " seccomp");
                assertEquals(Boolean.FALSE, own.get("allowPrivilegeEscalation"), where + " allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, own.get("readOnlyRootFilesystem"), where + " readOnlyRootFilesystem");
                assertEquals(List.of("ALL"), at(own, "capabilities", "drop"), where + " drops all capabilities");
            });
        }
    }

    @Test
    void opsdeckRunsSeveralSpreadInstancesOnBothBrokerNodes() {
        for (RenderedOverlay overlay : overlays) {
            Map<String, Object> deployment = overlay.get("Deployment", "opsdeck");
            int replicas = ((Number) at(deployment, "spec", "replicas")).intValue();
            assertTrue(replicas >= 2, overlay.name() + ": at least two instances");
            assertFalse(list(at(deployment, "spec", "template", "spec", "topologySpreadConstraints")).isEmpty(),
                    overlay.name() + ": topology spread");
            assertTrue(overlay.all("PodDisruptionBudget").anyMatch(pdb -> map(at(pdb, "spec", "selector", "matchLabels"))
                    .equals(map(at(deployment, "spec", "selector", "matchLabels")))), overlay.name() + ": a PodDisruptionBudget");
            Map<String, Object> brokers = overlay.get("StatefulSet", "artemis");
            int nodes = ((Number) at(brokers, "spec", "replicas")).intValue();
            String service = (String) at(brokers, "spec", "serviceName");
            assertEquals("None", at(overlay.get("Service", service), "spec", "clusterIP"), overlay.name() + ": headless " + service);
            Set<String> expected = Stream.iterate(0, i -> i + 1).limit(nodes)
                    .map(i -> "tcp://artemis-" + i + "." + service + ":61616").collect(Collectors.toCollection(TreeSet::new));
            String url = (String) map(overlay.get("ConfigMap", configMapOf(overlay)).get("data")).get("BROKER_URL");
            assertEquals(expected, new TreeSet<>(List.of(url.split(","))), overlay.name() + ": BROKER_URL names every broker node");
            Map<String, Object> annotations = map(at(overlay.get("Ingress", "opsdeck"), "metadata", "annotations"));
            assertEquals("cookie", annotations.get("nginx.ingress.kubernetes.io/affinity"), overlay.name() + ": console affinity");
        }
    }

    private static String configMapOf(RenderedOverlay overlay) {
        return opsdeck(overlay).flatMap(c -> list(c.spec().get("envFrom")).stream())
                .map(source -> (String) at(source, "configMapRef", "name")).findFirst()
                .orElseGet(() -> fail(overlay.name() + ": opsdeck takes no ConfigMap"));
    }

    @Test
    void theBrokerConfigurationHoldsOpsdecksQueuesAndLeavesDeadLettersToIt() throws IOException {
        String brokerXml = Files.readString(K8S.resolve("base/artemis/broker.xml"));
        for (String[] queue : new String[][] {{"accounts.events", "opsdeck.accounts.events"},
                {"payments.events", "opsdeck.payments.events"}}) {
            assertTrue(brokerXml.contains("<address name=\"" + queue[0] + "\"><multicast><queue name=\"" + queue[1] + "\" group-buckets=\"0\"/>"),
                    queue[1] + " on " + queue[0] + ", without message groups");
            assertTrue(Pattern.compile("<address-setting match=\"" + Pattern.quote(queue[0])
                    + "\">\\s*<max-delivery-attempts>-1</max-delivery-attempts>\\s*<redistribution-delay>0</").matcher(brokerXml).find(),
                    queue[0] + ": Opsdeck alone decides when a message is a dead letter, and redistribution has no delay");
            assertTrue(code.contains("\"" + queue[0] + "\"") && code.contains("\"" + queue[1] + "\""), "the code's defaults name " + queue[1]);
        }
        assertTrue(brokerXml.contains("<queue name=\"opsdeck.dead-letters\"/>"));
        // the local fleet's broker configuration: other connectors, the same queues for Opsdeck
        Path shipped = Path.of("server-config/artemis/broker.xml");
        if (Files.exists(shipped)) {
            String local = Files.readString(shipped).replaceAll("\\s+", " ");
            for (String queue : List.of("opsdeck.accounts.events", "opsdeck.payments.events", "opsdeck.dead-letters")) {
                assertTrue(local.contains("<queue name=\"" + queue + "\""), shipped + " and base/artemis/broker.xml disagree on " + queue);
            }
            for (String queue : List.of("opsdeck.accounts.events", "opsdeck.payments.events")) {
                assertTrue(local.contains("<queue name=\"" + queue + "\" group-buckets=\"0\">"), shipped + ": " + queue + " without message groups");
            }
        }
        assertTrue(brokerXml.contains("<security-enabled>true</security-enabled>"), "login required");
        Matcher variables = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(brokerXml);
        for (RenderedOverlay overlay : overlays) {
            Set<String> env = overlay.containers().filter(c -> c.workloadName().equals("artemis"))
                    .flatMap(c -> list(c.spec().get("env")).stream()).map(e -> (String) map(e).get("name")).collect(Collectors.toSet());
            while (variables.find()) {
                assertTrue(env.contains(variables.group(1)), overlay.name() + ": broker.xml uses ${" + variables.group(1)
                        + "}, which the artemis container does not set");
            }
            variables.reset();
        }
    }
}
