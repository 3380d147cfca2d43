package dev.opsdeck.ingestion.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void transactionalJournalRecordsAreNotSyncedUnlessConfigured() {
        assertFalse(BrokerSettings.resolve(Map.of()).journalSyncTransactional());
        assertTrue(BrokerSettings.resolve(Map.of("broker.journal.sync.transactional", "TRUE")).journalSyncTransactional());
        assertFalse(BrokerSettings.resolve(Map.of("broker.journal.sync.transactional", " false ")).journalSyncTransactional());
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BrokerSettings.resolve(Map.of("broker.journal.sync.transactional", "yes")));
        assertEquals("broker.journal.sync.transactional must be true or false, was yes", refused.getMessage());
    }

    @Test
    void aPortThatIsNotANumberIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BrokerSettings.resolve(Map.of("broker.port", "61616x")));
        assertEquals("broker.port must be a number, was 61616x", refused.getMessage());
    }

    @Test
    void anInstanceConsumesOnlyWhenItsRolesIncludeIngestion() {
        assertTrue(BrokerSettings.resolve(Map.of()).consumes(), "every role by default");
        assertTrue(BrokerSettings.resolve(Map.of("opsdeck.roles", "scheduler, Ingestion")).consumes());
        assertTrue(BrokerSettings.resolve(Map.of("opsdeck.roles", "all")).consumes());
        assertFalse(BrokerSettings.resolve(Map.of("opsdeck.roles", "console,api")).consumes());
        assertFalse(BrokerSettings.resolve(Map.of("opsdeck.roles", "console,api,scheduler")).consumes());
    }

    @Test
    void theEmbeddedBrokerKeepsEightMebibytesOfEachQueueInMemoryAndPagesTheRestToDisk() throws Exception {
        AddressSettings byDefault = EmbeddedBroker.configuration(BrokerSettings.resolve(Map.of())).getAddressSettings().get("#");
        assertEquals(8L * 1024 * 1024, byDefault.getMaxSizeBytes());
        assertEquals(8 * 1024 * 1024, byDefault.getMaxReadPageBytes());
        assertEquals(AddressFullMessagePolicy.PAGE, byDefault.getAddressFullMessagePolicy());
        assertEquals(64L * 1024 * 1024, EmbeddedBroker.configuration(BrokerSettings.resolve(Map.of("broker.queue.memory-mb", "64")))
                .getAddressSettings().get("#").getMaxSizeBytes());
    }

    @Test
    void opsdecksEventQueuesUseNoMessageGroupsSoTheBrokerSkipsReadingGroupIds() throws Exception {
        BrokerSettings settings = BrokerSettings.resolve(Map.of());
        var queues = EmbeddedBroker.configuration(settings).getAddressConfigurations().stream()
                .flatMap(address -> address.getQueueConfigs().stream())
                .filter(queue -> queue.getName().toString().equals(settings.accountsQueue())
                        || queue.getName().toString().equals(settings.paymentsQueue()))
                .toList();
        assertEquals(2, queues.size());
        queues.forEach(queue -> assertEquals(0, queue.getGroupBuckets(), queue.getName() + ": group buckets"));
    }

    @Test
    void aQueueMemoryBelowOneMebibyteIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BrokerSettings.resolve(Map.of("broker.queue.memory-mb", "0")));
        assertEquals("broker.queue.memory-mb must be 1 or more, was 0", refused.getMessage());
    }
}
