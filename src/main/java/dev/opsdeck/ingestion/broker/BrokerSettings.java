package dev.opsdeck.ingestion.broker;

import dev.opsdeck.ingestion.entity.StreamQueues;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The broker's settings. The RA cannot see the WAR's MicroProfile Config, so each key is read as a system
 * property, then as an environment variable ({@code broker.data.dir} <- {@code BROKER_DATA_DIR}), then from the
 * resource adapter's config-properties (set by {@code create-resource-adapter-config}), then a default.
 */
record BrokerSettings(Optional<String> url, Optional<String> user, Optional<String> password,
                      Optional<String> trustStorePath, Optional<String> trustStorePassword, String trustStoreType,
                      Path dataDirectory, String host, int port, int clientThreads, boolean journalSyncTransactional, long queueMemoryBytes,
                      String accountsAddress, String accountsQueue,
                      String paymentsAddress, String paymentsQueue, String deadLetters, String roles) {

    static BrokerSettings resolve(Map<String, String> adapterProperties) {
        Lookup lookup = new Lookup(adapterProperties);
        return new BrokerSettings(
                lookup.optional("broker.url"),
                lookup.optional("broker.user"),
                lookup.optional("broker.password"),
                lookup.optional("broker.truststore.path"),
                lookup.optional("broker.truststore.password"),
                lookup.get("broker.truststore.type", "PKCS12"),
                Path.of(lookup.get("broker.data.dir", Path.of(lookup.get("opsdeck.data.dir", "./data"), "broker").toString()))
                        .toAbsolutePath().normalize(),
                lookup.get("broker.host", "127.0.0.1"),
                lookup.integer("broker.port", 61616),
                lookup.integer("broker.client.threads", 256),
                lookup.bool("broker.journal.sync.transactional", false),
                lookup.atLeastOne("broker.queue.memory-mb", 8) * 1024L * 1024L,
                lookup.get("broker.accounts.address", StreamQueues.ACCOUNTS_ADDRESS),
                lookup.get("broker.accounts.queue", StreamQueues.ACCOUNTS_QUEUE),
                lookup.get("broker.payments.address", StreamQueues.PAYMENTS_ADDRESS),
                lookup.get("broker.payments.queue", StreamQueues.PAYMENTS_QUEUE),
                lookup.get("broker.dead.letters", "opsdeck.dead-letters"),
                lookup.get("opsdeck.roles", "all"));
    }

    boolean embedded() {
        return url.isEmpty();
    }

    /**
     * Whether {@code OPSDECK_ROLES} includes ingestion; the WAR validates the value and stops the start if it is wrong,
     * so here an unknown name only does not count as ingestion.
     */
    boolean consumes() {
        for (String role : roles.split(",")) {
            String name = role.trim().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("ingestion") || name.equals("all")) {
                return true;
            }
        }
        return roles.isBlank();
    }

    private record Lookup(Map<String, String> adapterProperties) {

        Optional<String> optional(String key) {
            return Optional.ofNullable(System.getProperty(key))
                    .or(() -> Optional.ofNullable(System.getenv(key.toUpperCase().replace('.', '_'))))
                    .or(() -> Optional.ofNullable(adapterProperties.get(key)))
                    .map(String::trim)
                    .filter(value -> !value.isEmpty());
        }

        String get(String key, String fallback) {
            return optional(key).orElse(fallback);
        }

        boolean bool(String key, boolean fallback) {
            String value = get(key, Boolean.toString(fallback));
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(key + " must be true or false, was " + value);
            }
            return Boolean.parseBoolean(value);
        }

        int atLeastOne(String key, int fallback) {
            int value = integer(key, fallback);
            if (value < 1) {
                throw new IllegalArgumentException(key + " must be 1 or more, was " + value);
            }
            return value;
        }

        int integer(String key, int fallback) {
            String value = get(key, Integer.toString(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number, was " + value, e);
            }
        }
    }
}
