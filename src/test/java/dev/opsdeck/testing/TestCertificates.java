package dev.opsdeck.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed certificate for 127.0.0.1/localhost made with the JDK's keytool, and a trust store holding it. */
public final class TestCertificates {

    public record KeyStore(Path path, String password) {
    }

    public record Pair(KeyStore keyStore, KeyStore trustStore) {

        public SSLContext clientContext() throws Exception {
            java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(trustStore.path())) {
                trusted.load(in, trustStore.password().toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
    }

    private TestCertificates() {
    }

    public static Pair make(Path dir) throws Exception {
        KeyStore keyStore = new KeyStore(dir.resolve("broker.p12"), "it-keystore-password");
        KeyStore trustStore = new KeyStore(dir.resolve("brokers-trust.p12"), "it-truststore-password");
        Path certificate = dir.resolve("broker.crt");
        keytool(List.of("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.path().toString(), "-storepass", keyStore.password()));
        keytool(List.of("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.path().toString(),
                "-storepass", keyStore.password(), "-file", certificate.toString()));
        keytool(List.of("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.path().toString(), "-storepass", trustStore.password()));
        return new Pair(keyStore, trustStore);
    }

    private static void keytool(List<String> arguments) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("keytool " + arguments.get(0) + " failed: " + output);
        }
    }
}
