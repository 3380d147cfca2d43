package dev.opsdeck.reports.boundary;

import dev.opsdeck.process.control.ServedRoles;
import dev.opsdeck.process.entity.InstanceRole;
import dev.opsdeck.reports.control.Reports;
import dev.opsdeck.tracing.control.ApplicationTracer;
import dev.opsdeck.tracing.control.Spans;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every instance with the scheduler role ticks every 15 seconds; the scheduler's claims make sure each due time runs once in the cluster.
 * Bean-managed, so that the container starts no transaction around the timer: the scheduler commits its own.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class ReportScheduling {

    private static final Logger LOG = Logger.getLogger(ReportScheduling.class.getName());

    @Inject
    Reports reports;

    @Inject
    ApplicationTracer tracing;

    @Inject
    ServedRoles served;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void tick() {
        if (!served.has(InstanceRole.SCHEDULER)) {
            return;
        }
        try {
            Spans.inSpan(tracing.span("reports tick"), reports::tick);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Report scheduling tick failed; the next one tries again", e);
        }
    }
}
