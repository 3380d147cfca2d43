package dev.opsdeck.mail.control;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Builds the MIME text of a letter once, with a Message-ID of its own, so that a retry sends byte for byte the same
 * message and a receiving server can tell a repeat from a new one.
 */
public final class MailComposer {

    private MailComposer() {
    }

    public record Composed(String messageId, byte[] mime) {
    }

    public static Composed compose(MailSettings settings, Letter letter, Instant now) throws MessagingException {
        String messageId = "<" + UUID.randomUUID() + "@" + settings.domain() + ">";
        MimeMessage message = new FixedIdMessage(Session.getInstance(new java.util.Properties()), messageId);
        message.setFrom(settings.from());
        if (settings.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {settings.replyTo()});
        }
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(String.join(",", letter.recipients()), true));
        message.setSubject(letter.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(letter.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(letter.html(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (letter.attachments().isEmpty()) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (Letter.Attachment attachment : letter.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                part.setFileName(attachment.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Composed(messageId, out.toByteArray());
    }

    /** Reads a composed message back for sending; its Message-ID stays the one it was composed with. */
    public static MimeMessage parse(Session session, byte[] mime, String messageId) throws MessagingException {
        return new FixedIdMessage(session, new ByteArrayInputStream(mime), messageId);
    }

    /** Jakarta Mail gives a message a new Message-ID whenever it saves changes; this one keeps its own. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        FixedIdMessage(Session session, ByteArrayInputStream in, String messageId) throws MessagingException {
            super(session, in);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
