package dev.opsdeck.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.opsdeck.ingestion.control.DeadLetters;
import dev.opsdeck.ingestion.control.MessageBody;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.mail.control.Mail;
import dev.opsdeck.mail.control.TestMail;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.TestSmtpServers;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fleet's notification check against a real SMTP server (GreenMail), on H2 and PostgreSQL, with the control
 * classes wired as the server wires them and a clock the test moves: a condition gives one digest, the quiet period
 * holds, two conditions firing at once give one digest per recipient, clearing gives one "resolved" message, and two
 * instances checking at once on one database queue each message once.
 */
class NotificationCheckIT {

    private static final int SMTP_PORT = 31028;
    private static final Duration QUIET = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");

    private GreenMail smtp;
    private final Map<String, String> streamAlarms = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() {
        smtp = TestSmtpServers.on(SMTP_PORT);
        smtp.start();
    }

    @AfterEach
    void stopServer() {
        smtp.stop();
    }

    private NotificationCheck check(DataSource db, Mail mail, Clock clock, Duration interval, String instance) {
        return new NotificationCheck(db, mail, new NotificationFacts(db, now -> Map.copyOf(streamAlarms)), clock, QUIET,
                interval, instance);
    }

    private static void rule(DataSource db, String kind, Long threshold, String recipients) throws Exception {
        new NotificationRules(db).create(RuleDraft.of(kind, threshold, null, recipients, true), "ada", T0);
    }

    private static void deadLetter(DataSource db, Stream stream) throws Exception {
        new DeadLetters(db, Clock.systemUTC()).store(new DeadLetters.Letter(stream, "malformed: test",
                MessageBody.whole(("{\"n\":\"" + UUID.randomUUID() + "\"}").getBytes()), "{}", null, null, 1));
    }

    private static Clock at(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private List<MimeMessage> receivedBy(String address) throws Exception {
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                received.add(message);
            }
        }
        return received;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aConditionIsToldOnceInItsQuietPeriodWithOthersInOneDigestAndOnceMoreWhenItClears(String kind) throws Exception {
        DataSource db = kind.equals("h2") ? Databases.freshH2() : Databases.freshPostgres();
        Mail mail = TestMail.toLocalServer(db, SMTP_PORT);
        rule(db, "dead_letters", 1L, "ops@example.com");
        rule(db, "stream_unhealthy", null, "ops@example.com, oncall@example.com");
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        NotificationCheck check = check(db, mail, at(now), Duration.ofMinutes(1), "opsdeck-1");

        deadLetter(db, Stream.ACCOUNTS);
        deadLetter(db, Stream.ACCOUNTS);
        NotificationCheck.Outcome first = check.run();
        assertEquals(new NotificationCheck.Outcome(true, 1, 1, 0, 0), first);
        assertEquals(1, mail.sendDue(10).sent());
        MimeMessage fired = receivedBy("ops@example.com").get(0);
        assertEquals("Opsdeck: 1 firing", fired.getSubject());
        String body = GreenMailUtil.getBody(fired);
        assertTrue(body.contains("2 dead letters waiting on accounts (more than 1)"), body);
        assertTrue(body.contains("since 2026-12-01 06:00"), body);

        deadLetter(db, Stream.ACCOUNTS);
        now.set(T0.plus(Duration.ofMinutes(2)));
        assertEquals(new NotificationCheck.Outcome(true, 0, 0, 0, 0), check.run(), "inside the quiet period");
        assertEquals(0, mail.sendDue(10).sent());
        assertEquals("3 dead letters waiting on accounts (more than 1)", state(db, "dead-letters:accounts")[0],
                "the state follows the condition although nobody is told");

        deadLetter(db, Stream.PAYMENTS);
        deadLetter(db, Stream.PAYMENTS);
        streamAlarms.put("payments", "Stalled: 40 messages wait in the queue but nothing was applied for 300 s (threshold 120 s)");
        now.set(T0.plus(Duration.ofMinutes(4)));
        assertEquals(new NotificationCheck.Outcome(true, 2, 2, 0, 0), check.run());
        assertEquals(2, mail.sendDue(10).sent());
        List<MimeMessage> toOps = receivedBy("ops@example.com");
        assertEquals(2, toOps.size());
        MimeMessage digest = toOps.get(1);
        assertEquals("Opsdeck: 2 firing", digest.getSubject());
        String both = GreenMailUtil.getBody(digest);
        assertTrue(both.contains("2 dead letters waiting on payments") && both.contains("payments: Stalled: 40 messages"), both);
        assertFalse(both.contains("on accounts"), "the accounts condition is still in its quiet period: " + both);
        List<MimeMessage> toOncall = receivedBy("oncall@example.com");
        assertEquals(1, toOncall.size());
        assertTrue(GreenMailUtil.getBody(toOncall.get(0)).contains("payments: Stalled"));

        try (Connection connection = db.getConnection(); PreparedStatement discard = connection.prepareStatement(
                "UPDATE dead_letter SET state = 'discarded', waiting_fingerprint = NULL WHERE stream = 'accounts'")) {
            discard.executeUpdate();
        }
        now.set(T0.plus(Duration.ofMinutes(6)));
        assertEquals(new NotificationCheck.Outcome(true, 1, 0, 0, 1), check.run());
        now.set(T0.plus(Duration.ofMinutes(6)).plusSeconds(10));
        assertFalse(check.run().ran(), "not due again before the check interval");
        assertEquals(1, mail.sendDue(10).sent());
        MimeMessage resolved = receivedBy("ops@example.com").get(2);
        assertEquals("Opsdeck: 1 resolved", resolved.getSubject());
        String text = GreenMailUtil.getBody(resolved);
        assertTrue(text.contains("Resolved") && text.contains("3 dead letters waiting on accounts")
                && text.contains("from 2026-12-01 06:00 to 2026-12-01 06:06"), text);
        assertEquals(4, smtp.getReceivedMessages().length);
        assertTrue(state(db, "dead-letters:accounts")[1] != null, "resolved_at recorded");

        now.set(T0.plus(QUIET).plus(Duration.ofMinutes(5)));
        NotificationCheck.Outcome reminder = check.run();
        assertEquals(new NotificationCheck.Outcome(true, 2, 0, 2, 0), reminder, "still firing after the quiet period");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoInstancesCheckingAtOnceQueueEachDigestOnce(String kind) throws Exception {
        DataSource db = kind.equals("h2") ? Databases.freshH2() : Databases.freshPostgres();
        Mail mail = TestMail.toLocalServer(db, SMTP_PORT);
        rule(db, "dead_letters", 0L, "ops@example.com");
        rule(db, "dead_letters", 0L, "oncall@example.com");
        deadLetter(db, Stream.PAYMENTS);
        // due again after a millisecond: only the lock and the recorded states keep the checks from telling twice
        List<NotificationCheck> instances = List.of(check(db, mail, Clock.systemUTC(), Duration.ofMillis(1), "a"),
                check(db, mail, Clock.systemUTC(), Duration.ofMillis(1), "b"));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> digests = new ArrayList<>();
            for (NotificationCheck instance : instances) {
                digests.add(threads.submit(() -> {
                    int queued = 0;
                    for (int round = 0; round < 10; round++) {
                        start.await(10, TimeUnit.SECONDS);
                        queued += instance.run().digests();
                    }
                    return queued;
                }));
            }
            assertEquals(2, digests.get(0).get(60, TimeUnit.SECONDS) + digests.get(1).get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2, count(db, "SELECT COUNT(*) FROM mail_message WHERE kind = 'notification'"));
        assertEquals(2, mail.sendDue(10).sent());
        assertEquals(1, receivedBy("ops@example.com").size());
        assertEquals(1, receivedBy("oncall@example.com").size());
    }

    private static String[] state(DataSource db, String key) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT detail, resolved_at FROM notification_condition WHERE condition_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no state for " + key);
                return new String[] {row.getString(1), row.getString(2)};
            }
        }
    }

    private static long count(DataSource db, String sql) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
