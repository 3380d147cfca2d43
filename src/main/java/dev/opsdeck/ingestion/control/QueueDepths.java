package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.QueueDepth;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.ingestion.entity.StreamQueues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts the messages waiting in each stream's durable queue by browsing it through the application's connection
 * factory, which works for the embedded and an external broker alike. Browsing costs one pass over the messages,
 * so it stops at {@link #CAP} and a count is reused for a few seconds however many dashboards poll.
 */
@ApplicationScoped
public class QueueDepths {

    public static final long CAP = 10_000;
    static final String CONNECTION_FACTORY = "jms/opsdeck";
    static final Duration REUSE = Duration.ofSeconds(4);

    @Inject
    @ConfigProperty(name = "broker.accounts.address", defaultValue = StreamQueues.ACCOUNTS_ADDRESS)
    String accountsAddress;

    @Inject
    @ConfigProperty(name = "broker.accounts.queue", defaultValue = StreamQueues.ACCOUNTS_QUEUE)
    String accountsQueue;

    @Inject
    @ConfigProperty(name = "broker.payments.address", defaultValue = StreamQueues.PAYMENTS_ADDRESS)
    String paymentsAddress;

    @Inject
    @ConfigProperty(name = "broker.payments.queue", defaultValue = StreamQueues.PAYMENTS_QUEUE)
    String paymentsQueue;

    Clock clock = Clock.systemUTC();

    private record Counted(Instant at, QueueDepth depth) {
    }

    private final Map<Stream, Counted> counted = new ConcurrentHashMap<>();

    public QueueDepth of(Stream stream) {
        Instant now = clock.instant();
        return counted.compute(stream, (key, last) -> last != null && last.at().plus(REUSE).isAfter(now)
                ? last : new Counted(now, browse(fullyQualified(stream)))).depth();
    }

    /** Artemis' address::queue form: the durable queue is bound to the service's multicast address. */
    private String fullyQualified(Stream stream) {
        return stream == Stream.ACCOUNTS ? accountsAddress + "::" + accountsQueue : paymentsAddress + "::" + paymentsQueue;
    }

    private static QueueDepth browse(String queue) {
        try (JMSContext context = connectionFactory().createContext();
             QueueBrowser browser = context.createBrowser(context.createQueue(queue))) {
            Enumeration<?> messages = browser.getEnumeration();
            long count = 0;
            while (count < CAP && messages.hasMoreElements()) {
                messages.nextElement();
                count++;
            }
            return QueueDepth.counted(count, CAP);
        } catch (Exception e) {
            return QueueDepth.unavailable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static ConnectionFactory connectionFactory() throws NamingException {
        return (ConnectionFactory) new InitialContext().lookup(CONNECTION_FACTORY);
    }
}
