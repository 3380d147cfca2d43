package dev.opsdeck.ingestion.broker;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.transaction.Transaction;

/** The Artemis broker that runs inside the resource adapter when no external broker is configured. */
final class EmbeddedBroker {

    static final String IN_VM_SERVER_ID = "0";
    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

    private final EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();

    static EmbeddedBroker start(BrokerSettings settings) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker();
        broker.embedded.setConfiguration(configuration(settings));
        if (settings.user().isPresent() && settings.password().isPresent()) {
            broker.embedded.setSecurityManager(new SingleUserSecurity(settings.user().get(), settings.password().get()));
        }
        try {
            broker.embedded.start();
            broker.verifyStarted(settings);
        } catch (Exception | Error e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    void stop() {
        try {
            embedded.stop();
        } catch (Exception e) {
            LOG.warning("Embedded broker did not stop cleanly: " + e);
        }
    }

    private void verifyStarted(BrokerSettings settings) {
        ActiveMQServer server = embedded.getActiveMQServer();
        List<String> notListening = server.getRemotingService().getAcceptors().entrySet().stream()
                .filter(acceptor -> !acceptor.getValue().isStarted())
                .map(Map.Entry::getKey)
                .toList();
        if (!server.isActive() || !notListening.isEmpty()) {
            throw new IllegalStateException("embedded broker is not active (state " + server.getState()
                    + ", acceptors not listening " + notListening + "); is " + settings.host() + ":" + settings.port()
                    + " already in use? Set BROKER_PORT / BROKER_HOST, or BROKER_URL for an external broker");
        }
        LOG.info(() -> "Embedded broker active: " + settings.host() + ":" + settings.port()
                + " (CORE,AMQP,STOMP), data in " + settings.dataDirectory());
    }

    static Configuration configuration(BrokerSettings settings) throws Exception {
        String deadLetters = settings.deadLetters();
        Configuration configuration = new ConfigurationImpl()
                .setName("opsdeck")
                .setPersistenceEnabled(true)
                // Opsdeck's consumers acknowledge each message in a transaction of its own. Not waiting for the disk
                // there saved about 7% of the service's CPU per event; an acknowledgement lost to a power cut only
                // brings the message back, and the processed-events table makes it a duplicate. Sends that are not
                // in a transaction (a Go service's SEND with a receipt) are still on disk before they are confirmed.
                .setJournalSyncTransactional(settings.journalSyncTransactional())
                .setSecurityEnabled(settings.user().isPresent() && settings.password().isPresent())
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(settings.dataDirectory().resolve("journal").toString())
                .setBindingsDirectory(settings.dataDirectory().resolve("bindings").toString())
                .setLargeMessagesDirectory(settings.dataDirectory().resolve("large-messages").toString())
                .setPagingDirectory(settings.dataDirectory().resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://" + IN_VM_SERVER_ID)
                .addAcceptorConfiguration("tcp", "tcp://" + settings.host() + ":" + settings.port()
                        + "?protocols=CORE,AMQP,STOMP")
                // Opsdeck counts attempts and dead-letters into its database itself; the broker never gives up on
                // a message, so one that cannot even be dead-lettered (database down) waits in its queue.
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of(deadLetters))
                        .setExpiryAddress(SimpleString.of(deadLetters))
                        .setMaxDeliveryAttempts(-1)
                        .setRedeliveryDelay(0)
                        // A backlog beyond this waits in page files, not in the heap: held there, every message of a
                        // burst survived young collections and was copied until consumed, and pauses grew with it.
                        .setMaxSizeBytes(settings.queueMemoryBytes())
                        .setMaxReadPageBytes((int) Math.min(Integer.MAX_VALUE, settings.queueMemoryBytes()))
                        .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE))
                .addAddressConfiguration(multicast(settings.accountsAddress(), settings.accountsQueue()))
                .addAddressConfiguration(multicast(settings.paymentsAddress(), settings.paymentsQueue()))
                .addAddressConfiguration(new CoreAddressConfiguration()
                        .setName(deadLetters)
                        .addRoutingType(RoutingType.ANYCAST)
                        .addQueueConfig(QueueConfiguration.of(deadLetters).setRoutingType(RoutingType.ANYCAST)));
        configuration.registerBrokerPlugin(new DurableMessages());
        return configuration;
    }

    /** A STOMP SEND without {@code persistent:true} is non-durable, and would be lost when the broker restarts. */
    private static final class DurableMessages implements ActiveMQServerMessagePlugin {

        @Override
        public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                               boolean noAutoCreateQueue) {
            message.setDurable(true);
        }
    }

    /**
     * Without message groups (group buckets 0): Opsdeck orders events by their versions itself, and otherwise the broker
     * reads every message's group id as it delivers, about a third of its delivery thread's time in a backlog's drain.
     */
    private static CoreAddressConfiguration multicast(String address, String queue) {
        return new CoreAddressConfiguration()
                .setName(address)
                .addRoutingType(RoutingType.MULTICAST)
                .addQueueConfig(QueueConfiguration.of(queue).setAddress(address).setRoutingType(RoutingType.MULTICAST)
                        .setGroupBuckets(0));
    }
}
