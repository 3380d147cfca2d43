package dev.opsdeck.ingestion.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.ingestion.boundary.AccountEventsConsumer;
import dev.opsdeck.ingestion.boundary.PaymentEventsConsumer;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The delivery sessions per stream, the MDB pool that must hold them, and the client threads that run them agree. */
class DeliverySessionsTest {

    private static final Pattern DEFAULT = Pattern.compile("\\$\\{ENV=([A-Z_]+):([0-9]+)}");

    @Test
    void bothStreamsSessionsFitTheMdbPoolAndTheClientThreadsCoverThemWithSomeToSpare() throws IOException {
        List<Integer> sessions = List.of(defaultSessions(AccountEventsConsumer.class), defaultSessions(PaymentEventsConsumer.class));
        assertEquals(List.of(64, 64), sessions, "the largest batches the writer can take");
        Matcher pool = Pattern.compile("mdb-container\\.max-pool-size=([0-9]+)")
                .matcher(Files.readString(Path.of("server-config/post-boot-commands.asadmin")));
        assertTrue(pool.find(), "server-config sets the MDB pool size");
        assertTrue(sessions.get(0) <= Integer.parseInt(pool.group(1)), "a maxSession above the MDB pool fails the activation");
        assertTrue(BrokerSettings.resolve(Map.of()).clientThreads() > sessions.get(0) + sessions.get(1),
                "each blocked delivery holds a client thread: both streams' sessions and some to spare");
    }

    private static int defaultSessions(Class<?> consumer) {
        String value = Arrays.stream(consumer.getAnnotation(MessageDriven.class).activationConfig())
                .filter(property -> property.propertyName().equals("maxSession"))
                .map(ActivationConfigProperty::propertyValue).findFirst().orElseThrow();
        Matcher matcher = DEFAULT.matcher(value);
        assertTrue(matcher.matches(), "maxSession is ${ENV=INGESTION_CONSUMERS:n}, was " + value);
        assertEquals("INGESTION_CONSUMERS", matcher.group(1));
        return Integer.parseInt(matcher.group(2));
    }
}
