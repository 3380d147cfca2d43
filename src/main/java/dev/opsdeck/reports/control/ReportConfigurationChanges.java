package dev.opsdeck.reports.control;

import dev.opsdeck.audit.control.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;

/** Saves a report configuration and audits it, the same whether the console or the API saved it. */
@ApplicationScoped
public class ReportConfigurationChanges {

    @Inject
    Reports reports;

    @Inject
    AuditTrail audit;

    public long create(ReportConfigurations.Draft draft, String actor, String clientAddress) throws SQLException {
        long id = reports.configurations().create(draft, actor);
        audit.record(ScheduleAudit.of(draft, ScheduleAudit.CREATED, id, actor, clientAddress));
        return id;
    }

    /** False when there is no such configuration (any more); then nothing is saved or audited. */
    public boolean update(long id, boolean wasEnabled, ReportConfigurations.Draft draft, String actor, String clientAddress)
            throws SQLException {
        if (!reports.configurations().update(id, draft)) {
            return false;
        }
        audit.record(ScheduleAudit.of(draft, ScheduleAudit.changeAction(wasEnabled, draft), id, actor, clientAddress));
        return true;
    }
}
