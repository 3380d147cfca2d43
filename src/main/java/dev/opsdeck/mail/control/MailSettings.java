package dev.opsdeck.mail.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.mail.entity.StartTls;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The SMTP server and sender from configuration. Without {@code mail.host} mail is not configured: nothing is queued
 * and the console and API say so. The password is only handed to the transport, never printed.
 */
public record MailSettings(String host, int port, String user, String password, StartTls startTls, String sslTrust,
                           InternetAddress from, InternetAddress replyTo, Duration connectTimeout) {

    public static final MailSettings NOT_CONFIGURED = new MailSettings(null, 0, null, null, StartTls.OFF, null, null, null,
            Duration.ZERO);

    public static MailSettings of(Optional<String> host, int port, Optional<String> user, Optional<String> password,
                                  String startTls, Optional<String> sslTrust, Optional<String> from,
                                  Optional<String> replyTo, Duration connectTimeout) {
        if (host.isEmpty() || host.get().isBlank()) {
            return NOT_CONFIGURED;
        }
        if (port < 1 || port > 65535) {
            throw new InvalidConfigurationException("mail.port", "must be 1 to 65535, was " + port);
        }
        if (user.isPresent() && password.isEmpty()) {
            throw new InvalidConfigurationException("mail.password", "is required when mail.user is set");
        }
        InternetAddress sender = address("mail.from", from.orElseThrow(
                () -> new InvalidConfigurationException("mail.from", "is required when mail.host is set")));
        return new MailSettings(host.get().trim(), port, user.orElse(null), password.orElse(null), startTls(startTls),
                sslTrust.orElse(null), sender, replyTo.map(text -> address("mail.reply-to", text)).orElse(null), connectTimeout);
    }

    private static StartTls startTls(String text) {
        try {
            return StartTls.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("mail.starttls", "must be required, optional or off, was " + text);
        }
    }

    private static InternetAddress address(String key, String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new InvalidConfigurationException(key, "not an e-mail address: " + e.getMessage());
        }
    }

    public boolean configured() {
        return host != null;
    }

    public boolean login() {
        return user != null;
    }

    /** The domain of Message-IDs: the sender's, so that they are unique to this installation's mail. */
    public String domain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    public Session session() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.auth", String.valueOf(login()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls != StartTls.OFF));
        properties.put("mail.smtp.starttls.required", String.valueOf(startTls == StartTls.REQUIRED));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        if (sslTrust != null) {
            properties.put("mail.smtp.ssl.trust", sslTrust);
        }
        String timeout = String.valueOf(connectTimeout.toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", String.valueOf(connectTimeout.toMillis() * 3));
        properties.put("mail.smtp.writetimeout", String.valueOf(connectTimeout.toMillis() * 3));
        properties.put("mail.smtp.from", from.getAddress());
        return Session.getInstance(properties);
    }

    @Override
    public String toString() {
        return configured() ? "smtp://" + (login() ? user + ":***@" : "") + host + ":" + port + " starttls=" + startTls
                : "not configured";
    }
}
