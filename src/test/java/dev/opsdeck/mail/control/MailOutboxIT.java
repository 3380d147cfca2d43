package dev.opsdeck.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dev.opsdeck.mail.entity.MailMessage;
import dev.opsdeck.mail.entity.MailState;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.RefusingSmtpServer;
import dev.opsdeck.testing.TestSmtpServers;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbox against a real SMTP server (GreenMail) on H2 and on PostgreSQL: login, STARTTLS refused by a server
 * without it, the server down and then up, two senders at once, and a 5xx answer (from a refusing server).
 */
class MailOutboxIT {

    private static final int SMTP_PORT = 31025;
    private static final Duration NO_WAIT = Duration.ZERO;

    private GreenMail smtp;

    @AfterEach
    void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static DataSource database(String kind) throws Exception {
        return kind.equals("h2") ? Databases.freshH2() : Databases.freshPostgres();
    }

    private void startServer(boolean login) {
        smtp = TestSmtpServers.on(SMTP_PORT);
        if (login) {
            smtp.setUser("opsdeck@example.com", "opsdeck", "smtp-secret-0001");
        }
        smtp.start();
    }

    private static MailSettings settings(boolean login, String startTls) {
        return MailSettings.of(Optional.of("127.0.0.1"), SMTP_PORT, login ? Optional.of("opsdeck") : Optional.empty(),
                login ? Optional.of("smtp-secret-0001") : Optional.empty(), startTls, Optional.empty(),
                Optional.of("opsdeck@example.com"), Optional.of("ops-desk@example.com"), Duration.ofSeconds(3));
    }

    private static MailDispatcher dispatcher(DataSource db, MailSettings settings, Duration initialRetry) {
        SmtpTransport transport = new SmtpTransport(settings);
        return new MailDispatcher(new MailOutbox(db), () -> transport,
                new MailDispatcher.Retry(initialRetry, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(2)),
                Clock.systemUTC());
    }

    private static UUID queue(DataSource db, MailSettings settings, String to, String subject) throws Exception {
        Letter letter = new Letter(List.of(to), subject, "plain " + subject, "<p>html " + subject + "</p>", List.of());
        try (Connection connection = db.getConnection()) {
            return MailOutbox.enqueue(connection, MailComposer.compose(settings, letter, Instant.now()), "test", null,
                    letter.recipients(), subject, Instant.now());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aMessageGoesOutWithLoginAndKeepsItsMessageId(String kind) throws Exception {
        DataSource db = database(kind);
        startServer(true);
        MailSettings settings = settings(true, "optional");
        UUID id = queue(db, settings, "finance@example.com", "monthly");
        assertEquals(1, dispatcher(db, settings, NO_WAIT).sendDue(10).sent());
        MailMessage sent = new MailOutbox(db).find(id).orElseThrow();
        assertEquals(MailState.SENT, sent.state());
        assertTrue(sent.lastAnswer().startsWith("250"), sent.lastAnswer());
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertEquals(sent.messageId(), received.getMessageID());
        assertEquals("monthly", received.getSubject());
        assertEquals("ops-desk@example.com", received.getReplyTo()[0].toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void requiredStartTlsSendsNothingToAServerWithoutItAndSaysWhy(String kind) throws Exception {
        DataSource db = database(kind);
        startServer(false);
        MailSettings settings = settings(false, "required");
        UUID id = queue(db, settings, "finance@example.com", "secret figures");
        MailDispatcher.Tally tally = dispatcher(db, settings, Duration.ofMinutes(1)).sendDue(10);
        assertEquals(1, tally.retried());
        MailMessage waiting = new MailOutbox(db).find(id).orElseThrow();
        assertEquals(MailState.QUEUED, waiting.state());
        assertTrue(waiting.lastAnswer().contains("STARTTLS"), waiting.lastAnswer());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void whileTheServerIsDownMessagesWaitAndThenGoOutOnce(String kind) throws Exception {
        DataSource db = database(kind);
        MailSettings settings = settings(false, "off");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(queue(db, settings, "ops" + i + "@example.com", "while down " + i));
        }
        MailDispatcher dispatcher = dispatcher(db, settings, Duration.ofMillis(200));
        MailDispatcher.Tally down = dispatcher.sendDue(10);
        assertEquals(0, down.sent());
        assertEquals(1, down.retried(), "the first failure ends the round: the others would meet the same");
        MailMessage waiting = new MailOutbox(db).find(ids.get(0)).orElseThrow();
        assertEquals(MailState.QUEUED, waiting.state());
        assertTrue(waiting.nextAttemptAt().isAfter(Instant.now().minusSeconds(1)), "backed off: " + waiting.nextAttemptAt());
        startServer(false);
        Thread.sleep(300);
        int sent = 0;
        for (int round = 0; round < 5 && sent < 3; round++) {
            sent += dispatcher.sendDue(10).sent();
            Thread.sleep(250);
        }
        assertEquals(3, sent);
        assertEquals(3, smtp.getReceivedMessages().length);
        for (UUID id : ids) {
            assertEquals(MailState.SENT, new MailOutbox(db).find(id).orElseThrow().state());
        }
        assertEquals(0, dispatcher.sendDue(10).sent(), "nothing is sent twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoSendersAtOnceSendEachMessageOnce(String kind) throws Exception {
        DataSource db = database(kind);
        startServer(false);
        MailSettings settings = settings(false, "off");
        for (int i = 0; i < 40; i++) {
            queue(db, settings, "many@example.com", "message " + i);
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<MailDispatcher.Tally>> results = List.of(
                    two.submit(() -> dispatcher(db, settings, NO_WAIT).sendDue(100)),
                    two.submit(() -> dispatcher(db, settings, NO_WAIT).sendDue(100)));
            int sent = 0;
            for (Future<MailDispatcher.Tally> result : results) {
                sent += result.get().sent();
            }
            assertEquals(40, sent);
        } finally {
            two.shutdownNow();
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : received) {
            ids.add(message.getMessageID());
        }
        assertEquals(40, received.length);
        assertEquals(40, ids.size(), "each Message-ID arrived once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFiveHundredAnswerFailsTheMessageWithTheServersWordsAndResendQueuesIt(String kind) throws Exception {
        DataSource db = database(kind);
        MailSettings settings = settings(false, "off");
        UUID id = queue(db, settings, "finance@example.com", "refused");
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(SMTP_PORT)) {
            MailDispatcher.Tally tally = dispatcher(db, settings, NO_WAIT).sendDue(10);
            assertEquals(1, tally.failed(), tally.toString());
        }
        MailOutbox outbox = new MailOutbox(db);
        MailMessage failed = outbox.find(id).orElseThrow();
        assertEquals(MailState.FAILED, failed.state());
        assertTrue(failed.lastAnswer().contains(RefusingSmtpServer.REFUSAL), failed.lastAnswer());
        assertEquals(0, dispatcher(db, settings, NO_WAIT).sendDue(10).sent(), "a failed message waits for an admin");
        assertTrue(outbox.resend(id, Instant.now()));
        startServer(false);
        assertEquals(1, dispatcher(db, settings, NO_WAIT).sendDue(10).sent());
        assertEquals(failed.messageId(), smtp.getReceivedMessages()[0].getMessageID());
        assertEquals(MailState.SENT, outbox.find(id).orElseThrow().state());
    }
}
