package dev.opsdeck.ingestion.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalConnectorsTest {

    @TempDir
    Path dir;

    @Test
    void everyNodeOfTheUrlBecomesOneConnector() {
        ExternalConnectors connectors = ExternalConnectors.of(BrokerSettings.resolve(
                Map.of("broker.url", "tcp://10.0.0.1:61616, tcp://broker-1.artemis:61617")));
        assertEquals(List.of("10.0.0.1:61616", "broker-1.artemis:61617"), connectors.nodes());
        assertEquals("host=10.0.0.1;port=61616,host=broker-1.artemis;port=61617", connectors.parameters());
        assertFalse(connectors.tls());
    }

    @Test
    void aTrustStoreTurnsOnTlsWithHostVerificationForEveryNode() throws Exception {
        Path trustStore = Files.writeString(dir.resolve("brokers.p12"), "not parsed here");
        ExternalConnectors connectors = ExternalConnectors.of(BrokerSettings.resolve(Map.of(
                "broker.url", "tcp://a:1,tcp://b:2", "broker.truststore.path", trustStore.toString(),
                "broker.truststore.password", "s3cret")));
        String tls = ";sslEnabled=true;verifyHost=true;forceSSLParameters=true;trustStorePath=" + trustStore + ";trustStoreType=PKCS12;trustStorePassword=s3cret";
        assertEquals("host=a;port=1" + tls + ",host=b;port=2" + tls, connectors.parameters());
        assertTrue(connectors.tls());
    }

    @Test
    void aUrlThatIsNotTcpHostPortIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ExternalConnectors.of(BrokerSettings.resolve(Map.of("broker.url", "tcp://a:1,amqp://b"))));
        assertEquals("broker.url must be tcp://host:port[,tcp://host:port], was tcp://a:1,amqp://b", refused.getMessage());
    }

    @Test
    void aMissingTrustStoreIsRefusedAtStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ExternalConnectors.of(BrokerSettings.resolve(Map.of("broker.url", "tcp://a:1",
                        "broker.truststore.path", dir.resolve("absent.p12").toString()))));
        assertEquals("broker.truststore.path " + dir.resolve("absent.p12") + " is not a readable file", refused.getMessage());
    }

    @Test
    void aPasswordTheAdapterCannotCarryIsRefusedWithoutShowingIt() throws Exception {
        Path trustStore = Files.writeString(dir.resolve("brokers.p12"), "x");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ExternalConnectors.of(BrokerSettings.resolve(Map.of("broker.url", "tcp://a:1",
                        "broker.truststore.path", trustStore.toString(), "broker.truststore.password", "pa;ss"))));
        assertEquals("broker.truststore.password must not contain ',', ';' or '='", refused.getMessage());
    }

    @Test
    void aTrustStorePasswordWithoutATrustStoreIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ExternalConnectors.of(BrokerSettings.resolve(Map.of("broker.url", "tcp://a:1",
                        "broker.truststore.password", "x"))));
        assertEquals("broker.truststore.password is set but broker.truststore.path is not", refused.getMessage());
    }
}
