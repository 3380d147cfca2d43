package dev.opsdeck.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.TestCertificates;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * The SMTP transport against a real SMTP server that speaks STARTTLS (SubEtha SMTP with a self-signed certificate made
 * at test time; GreenMail 2.1 offers no STARTTLS): a login over TLS, {@code optional} upgrading and never falling back
 * to plain on an untrusted certificate, an untrusted certificate and a server without STARTTLS refused under
 * {@code required}.
 */
class SmtpTransportIT {

    private static final String USER = "opsdeck";
    private static final String PASSWORD = "smtp-secret-0002";

    @TempDir
    static Path certificates;

    private static SSLContext serverTls;

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private SMTPServer server;

    /** What the server saw of one accepted message: whether its session was TLS, who logged in, the bytes. */
    private record Delivery(boolean tls, String protocol, String login, String from, String to, String data) {
    }

    @BeforeAll
    static void makeCertificate() throws Exception {
        TestCertificates.KeyStore keyStore = TestCertificates.make(certificates).keyStore();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore.path())) {
            keys.load(in, keyStore.password().toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, keyStore.password().toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(managers.getKeyManagers(), null, null);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private int start(Consumer<SMTPServer.Builder> tls) throws Exception {
        SMTPServer.Builder builder = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).hostName("smtp.test")
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException("535 5.7.8 Authentication credentials invalid");
                    }
                }))
                .messageHandler((context, from, to, data) -> {
                    Session session = (Session) context;
                    deliveries.add(new Delivery(session.isTLSStarted(),
                            session.getSocket() instanceof SSLSocket ssl ? ssl.getSession().getProtocol() : "plain",
                            session.getAuthenticationHandler().map(h -> String.valueOf(h.getIdentity())).orElse(null),
                            from, to, new String(data, StandardCharsets.UTF_8)));
                });
        tls.accept(builder);
        server = builder.build();
        server.start();
        return server.getPortAllocated();
    }

    private static MailSettings settings(int port, String startTls, boolean login, String password, Optional<String> trust) {
        return MailSettings.of(Optional.of("127.0.0.1"), port, login ? Optional.of(USER) : Optional.empty(),
                login ? Optional.of(password) : Optional.empty(), startTls, trust, Optional.of("opsdeck@example.com"),
                Optional.empty(), Duration.ofSeconds(5));
    }

    private static SmtpTransport.Answer send(MailSettings settings, String to, String subject) throws Exception {
        Letter letter = new Letter(List.of(to), subject, "plain " + subject, "<p>html " + subject + "</p>", List.of());
        MailComposer.Composed composed = MailComposer.compose(settings, letter, Instant.now());
        return new SmtpTransport(settings).send(new MailOutbox.Claimed(UUID.randomUUID(), composed.messageId(), to,
                composed.mime(), 0, Instant.now()));
    }

    @Test
    void requiredStartTlsWithLoginDeliversOverTlsAfterLoggingIn() throws Exception {
        int port = start(b -> b.enableTLS().requireTLS().requireAuth().startTlsSocketFactory(serverTls));
        MailSettings settings = settings(port, "required", true, PASSWORD, Optional.of("127.0.0.1"));
        SmtpTransport.Answer answer = send(settings, "finance@example.com", "figures over TLS");
        assertEquals(SmtpTransport.Verdict.SENT, answer.verdict(), answer.text());
        assertTrue(answer.text().startsWith("250"), answer.text());
        assertEquals(1, deliveries.size());
        Delivery delivery = deliveries.get(0);
        assertTrue(delivery.tls(), "the session was upgraded with STARTTLS");
        assertTrue(delivery.protocol().startsWith("TLSv1."), delivery.protocol());
        assertEquals(USER, delivery.login(), "the message was sent after logging in");
        assertEquals("opsdeck@example.com", delivery.from());
        assertEquals("finance@example.com", delivery.to());
        assertTrue(delivery.data().contains("Subject: figures over TLS"), delivery.data());
        assertTrue(delivery.data().contains("plain figures over TLS"), delivery.data());
    }

    @Test
    void aWrongPasswordOverTlsKeepsTheMessageWaitingAndSaysSo() throws Exception {
        int port = start(b -> b.enableTLS().requireTLS().requireAuth().startTlsSocketFactory(serverTls));
        SmtpTransport.Answer answer = send(settings(port, "required", true, "wrong-password", Optional.of("127.0.0.1")),
                "finance@example.com", "never");
        assertEquals(SmtpTransport.Verdict.RETRY, answer.verdict(), answer.text());
        assertTrue(answer.text().startsWith("login refused"), answer.text());
        assertFalse(answer.text().contains("wrong-password"), "the password is never part of the answer");
        assertTrue(deliveries.isEmpty());
    }

    @Test
    void optionalUpgradesWhenTheServerOffersStartTls() throws Exception {
        int port = start(b -> b.enableTLS().startTlsSocketFactory(serverTls));
        SmtpTransport.Answer answer = send(settings(port, "optional", false, null, Optional.of("127.0.0.1")),
                "ops@example.com", "upgraded");
        assertEquals(SmtpTransport.Verdict.SENT, answer.verdict(), answer.text());
        assertEquals(1, deliveries.size());
        assertTrue(deliveries.get(0).tls(), "optional upgrades when STARTTLS is offered");
    }

    @Test
    void optionalDoesNotFallBackToPlainWhenTheCertificateIsNotTrusted() throws Exception {
        int port = start(b -> b.enableTLS().startTlsSocketFactory(serverTls));
        SmtpTransport.Answer answer = send(settings(port, "optional", false, null, Optional.empty()), "ops@example.com", "kept");
        assertEquals(SmtpTransport.Verdict.RETRY, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("PKIX"), answer.text());
        assertTrue(deliveries.isEmpty());
    }

    @Test
    void optionalSendsInPlainToAServerWithoutStartTls() throws Exception {
        int port = start(b -> b.enableTLS(false));
        SmtpTransport.Answer answer = send(settings(port, "optional", false, null, Optional.empty()), "ops@example.com", "plain");
        assertEquals(SmtpTransport.Verdict.SENT, answer.verdict(), answer.text());
        assertFalse(deliveries.get(0).tls());
    }

    @Test
    void requiredRefusesAServerWithoutStartTlsAndSendsNothing() throws Exception {
        int port = start(b -> b.enableTLS(false));
        SmtpTransport.Answer answer = send(settings(port, "required", false, null, Optional.empty()), "ops@example.com", "secret");
        assertEquals(SmtpTransport.Verdict.RETRY, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("STARTTLS is required but host does not support STARTTLS"), answer.text());
        assertTrue(deliveries.isEmpty());
    }

    @Test
    void aCertificateThatIsNotTrustedRefusesTheSessionAndSendsNothing() throws Exception {
        int port = start(b -> b.enableTLS().requireTLS().requireAuth().startTlsSocketFactory(serverTls));
        SmtpTransport.Answer answer = send(settings(port, "required", true, PASSWORD, Optional.empty()),
                "finance@example.com", "not to an unknown server");
        assertEquals(SmtpTransport.Verdict.RETRY, answer.verdict(), answer.text());
        assertTrue(answer.text().contains("Could not convert socket to TLS") && answer.text().contains("PKIX"), answer.text());
        assertTrue(deliveries.isEmpty(), "nothing goes to a server whose certificate is not trusted");
    }
}
