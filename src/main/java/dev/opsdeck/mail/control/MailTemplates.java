package dev.opsdeck.mail.control;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import dev.opsdeck.schema.control.JdbcTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Mail templates in Mustache: the built-in ones on the class path, an admin's replacement in the database. The HTML
 * part is set into the console-styled layout; the plain-text part is not HTML-escaped. A replacement is checked by
 * rendering it with the template's sample data, and refused with the engine's message when that fails.
 */
public class MailTemplates {

    public enum Name {
        REPORT_DELIVERED("report-delivered"), REPORT_FAILED("report-failed"), TEST_MESSAGE("test-message"),
        NOTIFICATION_DIGEST("notification-digest");

        private final String label;

        Name(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Name> of(String label) {
            return Arrays.stream(values()).filter(name -> name.label.equals(label)).findFirst();
        }
    }

    public record Template(String subject, String text, String html) {
    }

    public record Rendered(String subject, String text, String html) {
    }

    public static final class InvalidTemplateException extends RuntimeException {
        private final String part;

        public InvalidTemplateException(String part, String message) {
            super(part + ": " + message);
            this.part = part;
        }

        public String part() {
            return part;
        }
    }

    private final DataSource dataSource;

    public MailTemplates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Template builtIn(Name name) {
        return new Template(resource(name.label() + ".subject").strip(), resource(name.label() + ".txt"),
                resource(name.label() + ".html"));
    }

    public Optional<Template> override(Name name) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return override(connection, name);
        }
    }

    static Optional<Template> override(Connection connection, Name name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT subject, text_body, html_body FROM mail_template WHERE name = ?")) {
            query.setString(1, name.label());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Template(row.getString(1), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** The template in force, read on the caller's connection (an override saved a moment ago counts). */
    public static Template effective(Connection connection, Name name) throws SQLException {
        return override(connection, name).orElseGet(() -> builtIn(name));
    }

    public Template effective(Name name) throws SQLException {
        return override(name).orElseGet(() -> builtIn(name));
    }

    /** Checks a replacement against the sample data and stores it; an invalid one changes nothing. */
    public Rendered save(Name name, Template template, String by, Instant now) throws SQLException {
        Rendered preview = render(template, sample(name));
        JdbcTransaction.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mail_template WHERE name = ?")) {
                delete.setString(1, name.label());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_template (name, subject, "
                    + "text_body, html_body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, name.label());
                insert.setString(2, template.subject());
                insert.setString(3, template.text());
                insert.setString(4, template.html());
                insert.setString(5, by);
                insert.setObject(6, now.atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
        return preview;
    }

    /** Goes back to the built-in template; false if none was replaced. */
    public boolean reset(Name name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM mail_template WHERE name = ?")) {
            delete.setString(1, name.label());
            return delete.executeUpdate() == 1;
        }
    }

    public static Rendered render(Template template, Map<String, Object> model) {
        if (template.subject() == null || template.subject().isBlank()) {
            throw new InvalidTemplateException("subject", "must not be empty");
        }
        String subject = run("subject", template.subject(), model, false).strip().replaceAll("\\s+", " ");
        String text = run("text", template.text(), model, false);
        String body = run("html", template.html(), model, true);
        Map<String, Object> page = new LinkedHashMap<>(model);
        page.put("subject", subject);
        page.put("body", body);
        String html = run("layout", resource("layout.html"), page, true);
        return new Rendered(subject, text, html);
    }

    private static String run(String part, String source, Map<String, Object> model, boolean html) {
        if (source == null) {
            throw new InvalidTemplateException(part, "must not be empty");
        }
        DefaultMustacheFactory factory = html ? new DefaultMustacheFactory() : new DefaultMustacheFactory() {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new MustacheException("could not write " + value, e);
                }
            }
        };
        try {
            StringWriter out = new StringWriter();
            factory.compile(new StringReader(source), part).execute(out, model).flush();
            return out.toString();
        } catch (MustacheException | IOException e) {
            throw new InvalidTemplateException(part, e.getMessage());
        }
    }

    /** What a template's preview and its check on save render: the same fields real messages have. */
    public static Map<String, Object> sample(Name name) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("time_zone", "Europe/Berlin");
        switch (name) {
            case REPORT_DELIVERED -> {
                model.put("report_name", "Monthly payments summary");
                model.put("report_type", "payments_summary");
                model.put("finished_at", "2026-12-01 06:00");
                model.put("rows", 42);
                model.put("file_name", "payments_summary-2026-12-01.xlsx");
                model.put("size", "18.4 KiB");
                model.put("attached", false);
                model.put("link", "https://opsdeck.example.com/api/v1/reports/00000000-0000-0000-0000-000000000000/download");
                model.put("expires_at", "2026-12-31 06:00");
            }
            case REPORT_FAILED -> {
                model.put("report_name", "Monthly payments summary");
                model.put("report_type", "payments_summary");
                model.put("finished_at", "2026-12-01 06:00");
                model.put("error", "SQLException: canceling statement due to statement timeout");
                model.put("run_id", "00000000-0000-0000-0000-000000000000");
            }
            case TEST_MESSAGE -> {
                model.put("sent_by", "ada");
                model.put("sent_at", "2026-12-01 06:00");
            }
            case NOTIFICATION_DIGEST -> {
                model.put("checked_at", "2026-12-01 06:00");
                model.put("quiet_period", "1 h");
                model.put("rules_link", "https://opsdeck.example.com/notifications/index.xhtml");
                model.put("firing", List.of(
                        Map.of("rule", "Dead letters above 10", "detail", "12 dead letters waiting on accounts (more than 10)",
                                "since", "2026-12-01 05:58", "reminder", false),
                        Map.of("rule", "Command awaiting approval", "detail",
                                "refund of 1234.05 EUR on payment 0f8fad5b-d9cb-469f-a165-70867728950e, requested by ada",
                                "since", "2026-12-01 04:12", "reminder", true)));
                model.put("resolved", List.of(Map.of("rule", "Stream lagging or stalled", "detail",
                        "payments: Lagging: the last event was applied 95 s after it occurred (threshold 60 s)",
                        "since", "2026-12-01 05:40", "until", "2026-12-01 05:59")));
                model.put("firing_count", 2);
                model.put("resolved_count", 1);
                model.put("has_firing", true);
                model.put("has_resolved", true);
                model.put("both", true);
            }
        }
        return model;
    }

    private static String resource(String file) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/templates/" + file)) {
            if (in == null) {
                throw new IllegalStateException("built-in mail template missing: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
