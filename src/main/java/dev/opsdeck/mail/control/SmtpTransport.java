package dev.opsdeck.mail.control;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hands one composed message to the SMTP server and says what the server answered: accepted, try later, or refused for good. */
public class SmtpTransport {

    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([245])\\d\\d[ -]");

    public enum Verdict { SENT, RETRY, REFUSED }

    public record Answer(Verdict verdict, String text) {
    }

    private final MailSettings settings;
    private final Session session;

    public SmtpTransport(MailSettings settings) {
        this.settings = settings;
        this.session = settings.session();
    }

    public Answer send(MailOutbox.Claimed message) {
        try {
            MimeMessage mime = MailComposer.parse(session, message.mime(), message.messageId());
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
                transport.sendMessage(mime, InternetAddress.parse(message.recipients(), true));
                return new Answer(Verdict.SENT, lastResponse(transport));
            }
        } catch (AuthenticationFailedException e) {
            // wrong credentials are the configuration's fault, not the message's: it waits for a fixed one
            return new Answer(Verdict.RETRY, "login refused: " + text(e));
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    /** A 5xx reply anywhere in the chain refuses the message for good; anything else (no connection, 4xx) is tried again. */
    static Answer classify(MessagingException e) {
        for (Exception cause = e; cause != null; cause = next(cause)) {
            Matcher code = REPLY_CODE.matcher(cause.getMessage() == null ? "" : cause.getMessage());
            if (code.find() && code.group(1).equals("5")) {
                return new Answer(Verdict.REFUSED, text(cause));
            }
        }
        return new Answer(Verdict.RETRY, text(e));
    }

    private static Exception next(Exception e) {
        if (e instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return e.getCause() instanceof Exception cause && cause != e ? cause : null;
    }

    private static String text(Exception e) {
        String chain = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Exception next = next(e);
        if (next != null && next.getMessage() != null && !chain.contains(next.getMessage().strip())) {
            chain += " (" + next.getMessage().strip() + ")";
        }
        return chain;
    }

    /** Jakarta Mail's API has no accessor for the server's reply; Angus' SMTP transport, which Payara ships, has one. */
    private static String lastResponse(Transport transport) {
        try {
            Object response = transport.getClass().getMethod("getLastServerResponse").invoke(transport);
            return response == null ? "accepted" : response.toString().strip();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "accepted";
        }
    }
}
