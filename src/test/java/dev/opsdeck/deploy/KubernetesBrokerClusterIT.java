package dev.opsdeck.deploy;

import static dev.opsdeck.deploy.RenderedOverlay.at;
import static dev.opsdeck.deploy.RenderedOverlay.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Stomp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker cluster as deploy/k8s ships it, run on this machine: the StatefulSet's own start script and the
 * base's broker configuration, with the distribution the build unpacks in place of the image, and local ports in place
 * of the pods' names. Two nodes form the cluster, a login is required, and a message published to one node reaches
 * Opsdeck's consumer on the other.
 */
class KubernetesBrokerClusterIT {

    private static final String OPSDECK_PASSWORD = "it-opsdeck-broker-password";
    private static final String PUBLISHER_PASSWORD = "it-publisher-password";
    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Process node : nodes) {
            node.descendants().forEach(ProcessHandle::destroy);
            node.destroy();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void twoNodesFormAClusterRequireALoginAndBringAMessageToOpsdecksConsumerOnTheOtherNode() throws Exception {
        Map<String, Object> statefulSet = RenderedOverlay.render(Path.of("deploy/k8s/base")).get("StatefulSet", "artemis");
        Map<String, Object> container = RenderedOverlay.map(list(at(statefulSet, "spec", "template", "spec", "containers")).get(0));
        String script = (String) list(container.get("args")).get(0);
        int[] ports = {freePort(), freePort()};
        Path work = Files.createDirectories(Path.of(System.getProperty("it.work.dir"))).resolve("k8s-broker-" + System.nanoTime());
        List<Path> logs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            logs.add(start(node, ports, script, Files.createDirectories(work.resolve("artemis-" + node))));
        }
        for (Path log : logs) {
            awaitLine(log, "AMQ221007", Duration.ofSeconds(120));
            awaitLine(log, "AMQ221027", Duration.ofSeconds(60)); // the cluster bridge to the other node is connected
        }

        assertThrows(IOException.class, () -> Stomp.connect("127.0.0.1", ports[0]).close(), "anonymous is refused");
        assertThrows(IOException.class, () -> Stomp.connect("127.0.0.1", ports[0], "go-services", "wrong").close());
        String probe = UUID.randomUUID().toString();
        try (Stomp publisher = Stomp.connect("127.0.0.1", ports[0], "go-services", PUBLISHER_PASSWORD)) {
            publisher.sendText("accounts.events", "{}", Map.of("probe", probe));
        }

        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + ports[1]);
             ClientSessionFactory factory = locator.createSessionFactory()) {
            try (ClientSession publisher = factory.createSession("go-services", PUBLISHER_PASSWORD, false, true, true, false, 1)) {
                assertThrows(ActiveMQSecurityException.class,
                        () -> publisher.createConsumer("accounts.events::opsdeck.accounts.events"), "a publisher may not consume");
            }
            try (ClientSession opsdeck = factory.createSession("opsdeck", OPSDECK_PASSWORD, false, true, true, false, 1)) {
                opsdeck.start();
                ClientConsumer consumer = opsdeck.createConsumer("accounts.events::opsdeck.accounts.events");
                ClientMessage message = consumer.receive(30_000);
                assertNotNull(message, "the message published to node 0 did not reach the consumer on node 1");
                assertEquals(probe, message.getStringProperty("probe"));
                message.acknowledge();
            }
        }
    }

    /** Runs the StatefulSet's script with this machine's paths and ports for node {@code node}; returns its log. */
    private Path start(int node, int[] ports, String script, Path dir) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        String brokerXml = Files.readString(Path.of("deploy/k8s/base/artemis/broker.xml"))
                .replace("${POD_NAME}.artemis:61616", "127.0.0.1:" + ports[node])
                .replace("artemis-0.artemis:61616", "127.0.0.1:" + ports[0])
                .replace("artemis-1.artemis:61616", "127.0.0.1:" + ports[1])
                .replace("0.0.0.0:61616", "127.0.0.1:" + ports[node])
                .replace("/var/lib/artemis-data", dir.resolve("data").toString());
        Files.writeString(config.resolve("broker.xml"), brokerXml);
        for (String file : List.of("login.config", "artemis-roles.properties")) {
            Files.copy(Path.of("deploy/k8s/base/artemis", file), config.resolve(file));
        }
        String local = script.replace("/opt/activemq-artemis", System.getProperty("it.artemis.home"))
                .replace("/etc/artemis-config", config.toString())
                .replace("/var/lib/artemis-instance", Files.createDirectories(dir.resolve("instance")).toString())
                .replace("--java-memory 1G", "--java-memory 512M");
        Path log = dir.resolve("broker.log");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-ec", local).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("POD_NAME", "artemis-" + node, "OPSDECK_PASSWORD", OPSDECK_PASSWORD,
                "PUBLISHER_PASSWORD", PUBLISHER_PASSWORD, "ARTEMIS_CLUSTER_PASSWORD", "it-cluster-password"));
        nodes.add(builder.start());
        return log;
    }

    private static void awaitLine(Path log, String code, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(code)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(code + " not in " + log + " within " + timeout + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
