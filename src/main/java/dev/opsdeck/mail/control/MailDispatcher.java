package dev.opsdeck.mail.control;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds due, one claimed message at a time. A message the server could not take now (no
 * connection, 4xx) waits twice as long after each attempt up to a ceiling, and fails once it has waited longer than
 * the give-up age; a 5xx answer fails it at once. Either way the server's answer is kept.
 */
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

    public record Retry(Duration initial, Duration max, Duration giveUpAfter, Duration lease) {
    }

    public record Tally(int sent, int retried, int failed) {
    }

    private final MailOutbox outbox;
    private final Supplier<SmtpTransport> transport;
    private final Retry retry;
    private final Clock clock;

    public MailDispatcher(MailOutbox outbox, Supplier<SmtpTransport> transport, Retry retry, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.retry = retry;
        this.clock = clock;
    }

    public Tally sendDue(int max) throws SQLException {
        int sent = 0;
        int retried = 0;
        int failed = 0;
        for (int i = 0; i < max; i++) {
            Instant now = clock.instant();
            Optional<MailOutbox.Claimed> claimed = outbox.claim(now, now.plus(retry.lease()));
            if (claimed.isEmpty()) {
                break;
            }
            MailOutbox.Claimed message = claimed.get();
            SmtpTransport.Answer answer = transport.get().send(message);
            Instant after = clock.instant();
            switch (answer.verdict()) {
                case SENT -> {
                    outbox.sent(message.id(), answer.text(), after);
                    sent++;
                }
                case REFUSED -> {
                    outbox.failed(message.id(), answer.text(), after);
                    LOG.warning(() -> "Mail " + message.messageId() + " refused by the server: " + answer.text());
                    failed++;
                }
                case RETRY -> {
                    if (after.isAfter(message.createdAt().plus(retry.giveUpAfter()))) {
                        outbox.failed(message.id(), "gave up after " + message.attempts() + " attempts: " + answer.text(), after);
                        failed++;
                    } else {
                        outbox.retryLater(message.id(), answer.text(), after.plus(delay(message.attempts())), after);
                        retried++;
                    }
                    // the server is down or busy: the other due messages would meet the same answer
                    return new Tally(sent, retried, failed);
                }
            }
        }
        return new Tally(sent, retried, failed);
    }

    Duration delay(int attempts) {
        Duration delay = retry.initial();
        for (int i = 1; i < attempts && delay.compareTo(retry.max()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retry.max()) > 0 ? retry.max() : delay;
    }
}
