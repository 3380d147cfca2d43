package dev.opsdeck.reports.control;

import dev.opsdeck.monitoring.control.Timers;
import dev.opsdeck.reports.entity.ReportType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** Report runs for /metrics: those this instance finished, by type and outcome, and how long they took. */
public class ReportRunMetrics {

    private static final Metadata RUNS = Metadata.builder().withName("opsdeck.report.runs")
            .withDescription("Report runs this instance finished, by report type and outcome").build();
    private static final Metadata DURATION = Metadata.builder().withName("opsdeck.report.run.duration")
            .withDescription("Time from claiming a report run to its file written or its failure recorded")
            .withUnit(MetricUnits.SECONDS).build();

    private final MetricRegistry registry;
    private final DataSource dataSource;

    public ReportRunMetrics(MetricRegistry registry, DataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
        for (ReportType type : ReportType.values()) {
            Tag typeTag = new Tag("type", type.label());
            for (ReportRunner.Outcome outcome : new ReportRunner.Outcome[]{ReportRunner.Outcome.SUCCEEDED, ReportRunner.Outcome.FAILED}) {
                registry.counter(RUNS, typeTag, outcomeTag(outcome));
            }
            Timers.timer(registry, DURATION, typeTag);
        }
    }

    /** Counts a run this instance claimed and finished; a run not claimed or handed back is another's to count. */
    public void finished(UUID id, ReportRunner.Outcome outcome, Duration took) throws SQLException {
        if (outcome != ReportRunner.Outcome.SUCCEEDED && outcome != ReportRunner.Outcome.FAILED) {
            return;
        }
        Optional<ReportType> type = typeOf(id);
        if (type.isPresent()) {
            Tag typeTag = new Tag("type", type.get().label());
            registry.counter(RUNS, typeTag, outcomeTag(outcome)).inc();
            Timers.timer(registry, DURATION, typeTag).update(took);
        }
    }

    private static Tag outcomeTag(ReportRunner.Outcome outcome) {
        return new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT));
    }

    private Optional<ReportType> typeOf(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT report_type FROM report_run WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? ReportType.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
