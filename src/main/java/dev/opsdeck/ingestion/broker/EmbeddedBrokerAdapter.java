package dev.opsdeck.ingestion.broker;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;

/**
 * Artemis' resource adapter, plus an embedded broker it connects to in-VM when {@code broker.url} (env
 * {@code BROKER_URL}, e.g. {@code tcp://host:61616}) is not set. With it set, no broker starts here.
 */
public class EmbeddedBrokerAdapter extends ActiveMQResourceAdapter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EmbeddedBrokerAdapter.class.getName());
    private static final int EXIT_CONFIGURATION = 78;
    private static final long RETRY_INTERVAL_MS = 1_000L;

    private final Map<String, String> adapterProperties = new HashMap<>();
    private transient EmbeddedBroker broker;
    private transient boolean consumes = true;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        BrokerSettings settings;
        ExternalConnectors connectors;
        try {
            settings = BrokerSettings.resolve(adapterProperties);
            connectors = settings.embedded() ? null : ExternalConnectors.of(settings);
            if (connectors != null) {
                connectTo(connectors);
            }
        } catch (IllegalArgumentException e) {
            throw fail("invalid broker settings: " + e.getMessage(), e);
        }
        consumes = settings.consumes();
        ActiveMQClient.setGlobalThreadPoolProperties(settings.clientThreads(),
                ActiveMQClient.getGlobalScheduledThreadPoolSize(), ActiveMQClient.getGlobalFlowControlThreadPoolSize());
        if (settings.embedded()) {
            boolean credentials = settings.user().isPresent() && settings.password().isPresent();
            if (!credentials && !loopback(settings.host())) {
                throw fail("BROKER_HOST=" + settings.host() + " is not a loopback address: set BROKER_USER and "
                        + "BROKER_PASSWORD, which the embedded broker then requires of every client", null);
            }
            if (credentials) {
                setUserName(settings.user().get());
                setPassword(settings.password().get());
            }
            try {
                broker = EmbeddedBroker.start(settings);
            } catch (Exception e) {
                throw fail("embedded broker failed to start: " + e.getMessage(), e);
            }
            setConnectorClassName(InVMConnectorFactory.class.getName());
            setConnectionParameters("serverId=" + EmbeddedBroker.IN_VM_SERVER_ID);
        } else {
            settings.user().ifPresent(this::setUserName);
            settings.password().ifPresent(this::setPassword);
            LOG.info(() -> "Using external broker " + settings.url().orElseThrow() + (connectors.tls() ? " over TLS" : ""));
        }
        super.start(context);
    }

    /**
     * An instance without the ingestion role ({@code OPSDECK_ROLES}) activates no message endpoint: its consumers never
     * connect, so the broker gives every message to the instances that ingest. Sending (dead letters, the simulator)
     * still works through the connection pool.
     */
    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
        if (!consumes) {
            LOG.info(() -> "Not consuming " + endpointFactory.getEndpointClass().getSimpleName() + ": OPSDECK_ROLES has no ingestion");
            return;
        }
        super.endpointActivation(endpointFactory, spec);
    }

    @Override
    public void stop() {
        super.stop();
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The resource adapter's message endpoints set themselves up again only after a failed delivery, not after a
     * connection that gave up reconnecting: so the connection never gives up, and an instance whose node went away
     * resumes on that node once it is back, while the instances on the other node carry the stream.
     */
    private void connectTo(ExternalConnectors connectors) {
        StringJoiner classes = new StringJoiner(",");
        connectors.nodes().forEach(node -> classes.add(NettyConnectorFactory.class.getName()));
        setConnectorClassName(classes.toString());
        setConnectionParameters(connectors.parameters());
        setHA(false);
        setReconnectAttempts(-1);
        setRetryInterval(RETRY_INTERVAL_MS);
        setRetryIntervalMultiplier(1.5);
        setMaxRetryInterval(5_000L);
        setInitialConnectAttempts(1);
        setSetupAttempts(-1);
        setSetupInterval(RETRY_INTERVAL_MS);
    }

    /**
     * Payara Micro stays up when a deployment fails, serving neither the RA nor the WAR; like the WAR's
     * StartupFailure, stop the process unless {@code opsdeck.keep.running.on.startup.failure} is set.
     */
    private static ResourceAdapterInternalException fail(String message, Exception cause) {
        LOG.log(Level.SEVERE, "Opsdeck cannot start: broker: " + message, cause);
        if (!Boolean.getBoolean("opsdeck.keep.running.on.startup.failure")) {
            Thread exit = new Thread(() -> System.exit(EXIT_CONFIGURATION), "opsdeck-broker-startup-failure");
            exit.setDaemon(false);
            exit.start();
        }
        return new ResourceAdapterInternalException(message, cause);
    }

    public String getBrokerUrl() {
        return adapterProperties.get("broker.url");
    }

    public void setBrokerUrl(String value) {
        adapterProperties.put("broker.url", value);
    }

    public String getDataDirectory() {
        return adapterProperties.get("broker.data.dir");
    }

    public void setDataDirectory(String value) {
        adapterProperties.put("broker.data.dir", value);
    }

    public String getAcceptorHost() {
        return adapterProperties.get("broker.host");
    }

    public void setAcceptorHost(String value) {
        adapterProperties.put("broker.host", value);
    }

    public String getAcceptorPort() {
        return adapterProperties.get("broker.port");
    }

    public void setAcceptorPort(String value) {
        adapterProperties.put("broker.port", value);
    }

    // Identity, not the parent's property-based equality: start() changes the properties after the container has hashed us.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
