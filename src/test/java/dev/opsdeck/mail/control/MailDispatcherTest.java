package dev.opsdeck.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailDispatcherTest {

    private final MailDispatcher dispatcher = new MailDispatcher(null, () -> null,
            new MailDispatcher.Retry(Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(48), Duration.ofMinutes(2)),
            Clock.systemUTC());

    @Test
    void theWaitDoublesAfterEachAttemptUpToTheCeiling() {
        assertEquals(Duration.ofSeconds(30), dispatcher.delay(1));
        assertEquals(Duration.ofSeconds(60), dispatcher.delay(2));
        assertEquals(Duration.ofSeconds(240), dispatcher.delay(4));
        assertEquals(Duration.ofMinutes(15), dispatcher.delay(6));
        assertEquals(Duration.ofMinutes(15), dispatcher.delay(60));
    }

    @Test
    void aFiveHundredReplyAnywhereInTheChainRefusesAndEverythingElseIsTriedAgain() {
        SendFailedException rejected = new SendFailedException("Invalid Addresses",
                new MessagingException("550 5.1.1 <nobody@example.com>: Recipient address rejected\n"));
        assertEquals(SmtpTransport.Verdict.REFUSED, SmtpTransport.classify(rejected).verdict());
        assertEquals(SmtpTransport.Verdict.RETRY,
                SmtpTransport.classify(new MessagingException("451 4.3.0 Try again later\n")).verdict());
        assertEquals(SmtpTransport.Verdict.RETRY,
                SmtpTransport.classify(new MessagingException("Couldn't connect to host, port: 127.0.0.1, 25; timeout -1")).verdict());
    }
}
