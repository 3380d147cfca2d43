package dev.opsdeck.mail.entity;

import java.time.Instant;
import java.util.UUID;

/** One message of the outbox as the console and the API list it: who gets it, where it stands, the server's last answer. */
public record MailMessage(UUID id, String messageId, String kind, String reference, String recipients, String subject,
                          long sizeBytes, MailState state, int attempts, Instant nextAttemptAt, String lastAnswer,
                          Instant createdAt, Instant sentAt) {
}
