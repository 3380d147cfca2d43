package dev.opsdeck.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A separate Apache Artemis broker, created from the distribution the build unpacks, as an operator would run
 * one: a login is required, nothing is auto-created, and only the addresses and queues Opsdeck expects exist.
 */
public final class ExternalArtemis implements AutoCloseable {

    public static final String USER = "opsdeck-it";
    public static final String PASSWORD = "it-broker-password";

    private final Process process;
    private final Path log;
    private final int port;

    private ExternalArtemis(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static ExternalArtemis start(Path workDir) throws Exception {
        return start(workDir, null);
    }

    /** Its one acceptor speaks TLS only, with the key store the caller made. */
    public static ExternalArtemis startTls(Path workDir, TestCertificates.KeyStore keyStore) throws Exception {
        return start(workDir, keyStore);
    }

    private static ExternalArtemis start(Path workDir, TestCertificates.KeyStore tls) throws Exception {
        Path home = Path.of(System.getProperty("it.artemis.home"));
        Path instance = workDir.resolve("artemis-" + System.nanoTime());
        int port = freePort();
        Path createLog = Files.createTempFile(workDir, "artemis-create-", ".log");
        Process create = new ProcessBuilder("bash", home.resolve("bin/artemis").toString(), "create", instance.toString(),
                "--user", USER, "--password", PASSWORD, "--require-login", "--no-autocreate", "--nio", "--no-web",
                "--silent", "--name", "it", "--default-port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(createLog.toFile()).start();
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
            throw new AssertionError("artemis create failed:\n" + Files.readString(createLog));
        }
        Path brokerXml = instance.resolve("etc/broker.xml");
        String xml = onlyOpsdecksQueues(Files.readString(brokerXml));
        if (tls != null) {
            xml = xml.replaceFirst("(<acceptor name=\"artemis\">tcp://[^?<]+\\?)", "$1sslEnabled=true;keyStorePath="
                    + tls.path() + ";keyStorePassword=" + tls.password() + ";keyStoreType=PKCS12;");
            if (!xml.contains("sslEnabled=true")) {
                throw new AssertionError("no acceptor to turn to TLS in " + brokerXml);
            }
        }
        Files.writeString(brokerXml, xml);
        Path log = Files.createTempFile(workDir, "artemis-", ".log");
        Process process = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ExternalArtemis broker = new ExternalArtemis(process, log, port);
        broker.awaitActive(Duration.ofSeconds(90));
        return broker;
    }

    /** One acceptor (the others would take RabbitMQ's and Mosquitto's ports), and Opsdeck's addresses and queues. */
    private static String onlyOpsdecksQueues(String brokerXml) {
        String xml = brokerXml.replaceAll("(?s)\\s*<acceptor name=\"(amqp|stomp|hornetq|mqtt)\">.*?</acceptor>", "");
        return xml.replaceFirst("<addresses>", """
                <addresses>
                         <address name="accounts.events"><multicast><queue name="opsdeck.accounts.events"/></multicast></address>
                         <address name="payments.events"><multicast><queue name="opsdeck.payments.events"/></multicast></address>
                         <address name="opsdeck.dead-letters"><anycast><queue name="opsdeck.dead-letters"/></anycast></address>""");
    }

    private void awaitActive(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String output = output();
            if (output.contains("AMQ221007")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("artemis exited:\n" + output);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("artemis not active within " + timeout + ":\n" + output());
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }
}
