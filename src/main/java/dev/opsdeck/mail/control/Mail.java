package dev.opsdeck.mail.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The mail component built from its configuration: settings, outbox, dispatcher and templates. */
@ApplicationScoped
public class Mail {

    private static final Logger LOG = Logger.getLogger(Mail.class.getName());

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "mail.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "mail.starttls", defaultValue = "required")
    String startTls;

    @Inject
    @ConfigProperty(name = "mail.ssl.trust")
    Optional<String> sslTrust;

    @Inject
    @ConfigProperty(name = "mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "mail.reply-to")
    Optional<String> replyTo;

    @Inject
    @ConfigProperty(name = "mail.attachment.max-bytes", defaultValue = "10485760")
    long attachmentMaxBytes;

    @Inject
    @ConfigProperty(name = "mail.link.base-url", defaultValue = "http://localhost:8080")
    String linkBaseUrl;

    @Inject
    @ConfigProperty(name = "mail.time-zone", defaultValue = "UTC")
    String timeZone;

    @Inject
    @ConfigProperty(name = "mail.user-domain")
    Optional<String> userDomain;

    @Inject
    @ConfigProperty(name = "mail.retry.initial-seconds", defaultValue = "30")
    long retryInitialSeconds;

    @Inject
    @ConfigProperty(name = "mail.retry.max-seconds", defaultValue = "900")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "mail.retry.give-up-hours", defaultValue = "48")
    long giveUpHours;

    private final Clock clock = Clock.systemUTC();
    private MailSettings settings;
    private MailOutbox outbox;
    private MailDispatcher dispatcher;
    private MailTemplates templates;
    private ZoneId zone;

    @PostConstruct
    void build() {
        settings = MailSettings.of(host, port, user, password, startTls, sslTrust, from, replyTo, Duration.ofSeconds(10));
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidConfigurationException("mail.time-zone", "not a time zone: " + timeZone);
        }
        outbox = new MailOutbox(dataSource);
        SmtpTransport transport = settings.configured() ? new SmtpTransport(settings) : null;
        dispatcher = new MailDispatcher(outbox, () -> transport, new MailDispatcher.Retry(Duration.ofSeconds(retryInitialSeconds),
                Duration.ofSeconds(retryMaxSeconds), Duration.ofHours(giveUpHours), Duration.ofMinutes(2)), clock);
        templates = new MailTemplates(dataSource);
        LOG.info(() -> "Mail: " + settings);
    }

    public boolean configured() {
        return settings.configured();
    }

    public MailSettings settings() {
        return settings;
    }

    public MailOutbox outbox() {
        return outbox;
    }

    public MailTemplates templates() {
        return templates;
    }

    public long attachmentMaxBytes() {
        return attachmentMaxBytes;
    }

    public String linkBaseUrl() {
        return linkBaseUrl.endsWith("/") ? linkBaseUrl : linkBaseUrl + "/";
    }

    public ZoneId zone() {
        return zone;
    }

    /** An owner's address: the owner's name when it is one, else the name at {@code mail.user-domain}, if set. */
    public Optional<String> addressOf(String owner) {
        if (owner != null && owner.contains("@")) {
            return Optional.of(owner);
        }
        return owner == null ? Optional.empty() : userDomain.map(domain -> owner + "@" + domain);
    }

    /** Sends what is due, if mail is configured; the outbox's leases make this safe on every instance at once. */
    public MailDispatcher.Tally sendDue(int max) throws SQLException {
        return configured() ? dispatcher.sendDue(max) : new MailDispatcher.Tally(0, 0, 0);
    }

    /**
     * Renders a template and queues the message on the caller's connection, in the caller's transaction. Nothing is
     * queued when mail is not configured.
     */
    public Optional<UUID> enqueue(Connection connection, MailTemplates.Name template, Map<String, Object> model,
                                  List<String> recipients, List<Letter.Attachment> attachments, String kind,
                                  String reference) throws SQLException {
        if (!configured() || recipients.isEmpty()) {
            return Optional.empty();
        }
        MailTemplates.Rendered rendered = MailTemplates.render(MailTemplates.effective(connection, template), model);
        Letter letter = new Letter(recipients, rendered.subject(), rendered.text(), rendered.html(), attachments);
        Instant now = clock.instant();
        try {
            MailComposer.Composed composed = MailComposer.compose(settings, letter, now);
            return Optional.of(MailOutbox.enqueue(connection, composed, kind, reference, recipients, rendered.subject(), now));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the message could not be built: " + e.getMessage(), e);
        }
    }

    public Optional<UUID> enqueue(MailTemplates.Name template, Map<String, Object> model, List<String> recipients,
                                  String kind, String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return enqueue(connection, template, model, recipients, List.of(), kind, reference);
        }
    }

    public Clock clock() {
        return clock;
    }
}
