package dev.opsdeck.ingestion.broker;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The resource adapter's connector list for {@code broker.url}: one Netty connector per node, over TLS when a
 * trust store is configured (forced over the {@code javax.net.ssl.*} system properties, which Payara sets to its own
 * trust store and which would otherwise win). The adapter's own format separates connectors with commas and parameters with
 * semicolons, so a value holding either is refused rather than silently cut.
 */
record ExternalConnectors(List<String> nodes, String parameters) {

    static ExternalConnectors of(BrokerSettings settings) {
        String urls = settings.url().orElseThrow();
        List<String> nodes = new ArrayList<>();
        StringJoiner parameters = new StringJoiner(",");
        String tls = tls(settings);
        for (String url : urls.split(",")) {
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("broker.url must be tcp://host:port[,tcp://host:port], was " + urls, e);
            }
            if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("broker.url must be tcp://host:port[,tcp://host:port], was " + urls);
            }
            nodes.add(uri.getHost() + ":" + uri.getPort());
            parameters.add("host=" + uri.getHost() + ";port=" + uri.getPort() + tls);
        }
        return new ExternalConnectors(List.copyOf(nodes), parameters.toString());
    }

    boolean tls() {
        return parameters.contains("sslEnabled=true");
    }

    private static String tls(BrokerSettings settings) {
        if (settings.trustStorePath().isEmpty()) {
            if (settings.trustStorePassword().isPresent()) {
                throw new IllegalArgumentException("broker.truststore.password is set but broker.truststore.path is not");
            }
            return "";
        }
        Path trustStore = Path.of(settings.trustStorePath().get()).toAbsolutePath().normalize();
        if (!Files.isReadable(trustStore)) {
            throw new IllegalArgumentException("broker.truststore.path " + trustStore + " is not a readable file");
        }
        StringBuilder tls = new StringBuilder(";sslEnabled=true;verifyHost=true;forceSSLParameters=true")
                .append(";trustStorePath=").append(plain("broker.truststore.path", trustStore.toString()))
                .append(";trustStoreType=").append(plain("broker.truststore.type", settings.trustStoreType()));
        settings.trustStorePassword().ifPresent(password ->
                tls.append(";trustStorePassword=").append(plain("broker.truststore.password", password)));
        return tls.toString();
    }

    private static String plain(String key, String value) {
        if (value.contains(",") || value.contains(";") || value.contains("=")) {
            throw new IllegalArgumentException(key + " must not contain ',', ';' or '='");
        }
        return value;
    }
}
