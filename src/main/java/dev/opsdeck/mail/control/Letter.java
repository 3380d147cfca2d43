package dev.opsdeck.mail.control;

import java.util.List;

/** A message to send before it becomes MIME: recipients, subject, plain-text and HTML parts, attachments. */
public record Letter(List<String> recipients, String subject, String text, String html, List<Attachment> attachments) {

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    public Letter {
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }
}
