package dev.opsdeck.commands.control;

import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Marks commands confirmed once the read model shows the change they asked for, by a periodic join of the
 * outbox with the read models: the ingestion path never waits for it. An accepted command still unconfirmed
 * after {@code actions.confirmation.timeout} is flagged, counted in a gauge and audited.
 */
@ApplicationScoped
public class CommandConfirmations {

    private static final int BATCH = 200;

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    CommandOutcomes outcomes;

    @Inject
    MetricRegistry registry;

    @Inject
    CommandMetrics metrics;

    @Inject
    @ConfigProperty(name = "actions.confirmation.timeout", defaultValue = "PT10M")
    String confirmationTimeout;

    Clock clock = Clock.systemUTC();
    private CommandStore store;
    private CommandQueries queries;
    private Duration timeout;
    private final AtomicLong overdue = new AtomicLong();

    @PostConstruct
    void build() {
        store = new CommandStore(dataSource);
        queries = new CommandQueries(dataSource);
        timeout = ConfirmationTimeout.parse(confirmationTimeout);
        registry.gauge(Metadata.builder().withName("opsdeck.commands.unconfirmed.overdue")
                .withDescription("Accepted commands whose confirming event did not arrive within actions.confirmation.timeout")
                .build(), overdue, AtomicLong::get);
    }

    public int confirm() throws SQLException {
        int confirmed = 0;
        Instant now = clock.instant();
        for (ActionKind kind : ActionKind.values()) {
            for (UUID id : store.confirmable(kind, BATCH)) {
                if (store.confirm(id, now)) {
                    confirmed++;
                    outcomes.changed(id);
                    queries.find(id).ifPresent(command -> record(command, "confirmed", "confirmed",
                            "the " + kind.service() + " service's event shows the change"));
                }
            }
        }
        return confirmed;
    }

    public void flagOverdue() throws SQLException {
        Instant now = clock.instant();
        for (UUID id : store.overdue(now.minus(timeout), BATCH)) {
            if (store.flagOverdue(id, now)) {
                queries.find(id).ifPresent(command -> record(command, "unconfirmed", "overdue",
                        "no confirming event within " + timeout));
            }
        }
        overdue.set(queries.countOverdue());
    }

    private void record(ActionCommand command, String step, String outcome, String details) {
        metrics.outcome(command.kind(), outcome);
        audit.record(AuditRecord.of(command.requestedBy(), command.clientAddress(), command.kind().audit(step), outcome)
                .on(command.kind().targetType(), command.targetId().toString())
                .details("command " + command.id() + ": " + details));
    }
}
