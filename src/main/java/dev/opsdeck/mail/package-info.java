/** E-mail: SMTP settings, an outbox sent once across instances with retries, templates, and report delivery by mail. */
package dev.opsdeck.mail;
