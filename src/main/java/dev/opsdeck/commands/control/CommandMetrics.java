package dev.opsdeck.commands.control;

import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Commands for /metrics: what became of them per kind (counted by the instance that saw it happen), and the
 * outbox as the database holds it for the whole fleet (commands not yet answered, the age of the oldest).
 */
@ApplicationScoped
public class CommandMetrics {

    static final List<String> OUTCOMES = List.of("accepted", "rejected", "failed", "confirmed", "overdue");
    static final Duration REUSE = Duration.ofSeconds(5);
    private static final Metadata OUTCOME_COUNTS = Metadata.builder().withName("opsdeck.commands")
            .withDescription("Commands that reached an outcome, by kind and outcome").build();

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    Clock clock = Clock.systemUTC();

    private record Outbox(Instant at, double waiting, Instant oldest) {
    }

    private volatile Outbox last = new Outbox(Instant.EPOCH, 0, null);

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (ActionKind kind : ActionKind.values()) {
            for (String outcome : OUTCOMES) {
                registry.counter(OUTCOME_COUNTS, new Tag("kind", kind.label()), new Tag("outcome", outcome));
            }
        }
        registry.gauge(Metadata.builder().withName("opsdeck.commands.outbox.waiting")
                .withDescription("Commands stored or sent without an answer yet (pending or sent), fleet-wide; NaN when the database cannot be read")
                .build(), () -> outbox().waiting());
        registry.gauge(Metadata.builder().withName("opsdeck.commands.outbox.oldest.age").withUnit(MetricUnits.SECONDS)
                .withDescription("Age of the oldest command still pending or sent; 0 when none waits, NaN when the database cannot be read")
                .build(), () -> {
                    Outbox outbox = outbox();
                    if (Double.isNaN(outbox.waiting())) {
                        return Double.NaN;
                    }
                    return outbox.oldest() == null ? 0.0 : Duration.between(outbox.oldest(), clock.instant()).toMillis() / 1000.0;
                });
    }

    public void outcome(ActionKind kind, String outcome) {
        if (OUTCOMES.contains(outcome)) {
            registry.counter(OUTCOME_COUNTS, new Tag("kind", kind.label()), new Tag("outcome", outcome)).inc();
        }
    }

    private Outbox outbox() {
        Instant now = clock.instant();
        Outbox known = last;
        if (known.at().plus(REUSE).isAfter(now)) {
            return known;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*), MIN(requested_at) FROM action_command WHERE state IN ('pending', 'sent')");
             ResultSet row = query.executeQuery()) {
            row.next();
            OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
            last = new Outbox(now, row.getLong(1), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            last = new Outbox(now, Double.NaN, null);
        }
        return last;
    }
}
