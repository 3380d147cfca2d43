package dev.opsdeck.mail.control;

import java.util.Optional;
import javax.sql.DataSource;

/** The mail component as the server builds it, for tests of other components that queue mail without a server. */
public final class TestMail {

    private TestMail() {
    }

    /** Configured for a local SMTP server without login or STARTTLS (GreenMail), times in UTC. */
    public static Mail toLocalServer(DataSource db, int port) {
        Mail mail = new Mail();
        mail.dataSource = db;
        mail.host = Optional.of("127.0.0.1");
        mail.port = port;
        mail.user = Optional.empty();
        mail.password = Optional.empty();
        mail.startTls = "off";
        mail.sslTrust = Optional.empty();
        mail.from = Optional.of("opsdeck@example.com");
        mail.replyTo = Optional.empty();
        mail.attachmentMaxBytes = 1024 * 1024;
        mail.linkBaseUrl = "https://opsdeck.example.com";
        mail.timeZone = "UTC";
        mail.userDomain = Optional.empty();
        mail.retryInitialSeconds = 1;
        mail.retryMaxSeconds = 5;
        mail.giveUpHours = 1;
        mail.build();
        return mail;
    }
}
