package dev.opsdeck.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.RunningJar;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Starts of the runnable jar that must refuse, each with exit status 78 and one line naming the key: what the prod
 * profile needs before it runs, and an embedded broker opened beyond loopback without credentials.
 */
class StartupRefusalsIT {

    private static final int PORT = Integer.getInteger("it.refusals.port", 24081);
    private static final String BROKER_PORT = System.getProperty("it.refusals.broker.port", "64717");

    @Test
    void prodFirstStartWithoutAdminPasswordRefusesNamingTheKey() throws Exception {
        String database = Databases.createPostgresDatabase("refusal_admin");
        try {
            Map<String, String> environment = environment("prod");
            environment.put("DB_URL", database);
            environment.put("DB_USER", "postgres");
            assertRefused(environment, "OPSDECK_ADMIN_PASSWORD");
        } finally {
            Databases.dropPostgresDatabase(database);
        }
    }

    @Test
    void demoModeIsRefusedUnderProd() throws Exception {
        String database = Databases.createPostgresDatabase("refusal_demo");
        try {
            Map<String, String> environment = environment("prod");
            environment.put("DB_URL", database);
            environment.put("DB_USER", "postgres");
            environment.put("OPSDECK_ADMIN_PASSWORD", "refusal-admin-password-1");
            environment.put("OPSDECK_DEMO", "true");
            assertRefused(environment, "opsdeck.demo");
        } finally {
            Databases.dropPostgresDatabase(database);
        }
    }

    @Test
    void embeddedBrokerOnAllInterfacesWithoutCredentialsRefuses() throws Exception {
        Map<String, String> environment = environment("");
        environment.put("BROKER_HOST", "0.0.0.0");
        assertRefused(environment, "BROKER_USER");
    }

    private static Map<String, String> environment(String profile) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("MP_CONFIG_PROFILE", profile);
        environment.put("OPSDECK_ADMIN_PASSWORD", "");
        environment.put("BROKER_PORT", BROKER_PORT);
        environment.put("OPSDECK_DATA_DIR", Files.createTempDirectory("opsdeck-refusal-").toString());
        return environment;
    }

    private static void assertRefused(Map<String, String> environment, String key) throws Exception {
        try (RunningJar jar = RunningJar.start(environment, PORT)) {
            int exit = jar.awaitExit(Duration.ofSeconds(240));
            String refusal = jar.output().lines().filter(line -> line.contains("Opsdeck cannot start")).findFirst()
                    .orElseThrow(() -> new AssertionError("no refusal line in the output:\n" + jar.output()));
            assertEquals(78, exit, "exit status EX_CONFIG; " + refusal);
            assertTrue(refusal.contains(key), refusal);
        }
    }
}
