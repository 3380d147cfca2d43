package dev.opsdeck.audit.boundary;

import dev.opsdeck.audit.control.AuditLogQuery;
import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditFilter;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.logging.control.Failures;
import dev.opsdeck.tables.control.ExportLimits;
import dev.opsdeck.tables.control.ReportFormat;
import dev.opsdeck.tables.control.TableWriter;
import dev.opsdeck.proxy.boundary.ClientAddress;
import dev.opsdeck.security.entity.Action;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Downloads the audit log, filtered as the page shows it, as CSV (admins only); the export is itself an audit entry. */
@WebServlet("/audit/export")
public class AuditLogExport extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(AuditLogExport.class.getName());

    @Inject
    AuditLogQuery query;

    @Inject
    AuditTrail audit;

    @Inject
    ExportLimits limits;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditFilter filter;
        try {
            filter = AuditFilter.from(request::getParameter);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        String user = request.getUserPrincipal().getName();
        if (!Action.AUDIT_LOG_READ.allows(request::isUserInRole)) {
            audit.record(AuditRecord.of(user, ClientAddress.of(request), "export", "refused")
                    .details("audit log: " + Action.AUDIT_LOG_READ.refusal()));
            response.sendError(HttpServletResponse.SC_FORBIDDEN, Action.AUDIT_LOG_READ.refusal());
            return;
        }
        Optional<ExportLimits.Permit> permit = limits.tryStart(user);
        if (permit.isEmpty()) {
            response.setHeader("Retry-After", String.valueOf(ExportLimits.RETRY_AFTER_SECONDS));
            response.sendError(429, limits.tryAgainMessage());
            return;
        }
        try (ExportLimits.Permit running = permit.get()) {
            write(request, response, filter, user);
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, AuditFilter filter, String user)
            throws IOException {
        response.setContentType(ReportFormat.CSV.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log-" + LocalDate.now() + ".csv\"");
        AuditRecord record = AuditRecord.of(user, ClientAddress.of(request), "export", "succeeded")
                .details("audit log as csv with " + filter.describe());
        try {
            long rows = query.export(filter, TableWriter.open(ReportFormat.CSV, response.getOutputStream(), "audit log",
                    AuditLogQuery.EXPORT_HEADERS));
            audit.record(record.details(record.details() + ": " + rows + " rows"));
        } catch (SQLException | RuntimeException e) {
            String reference = Failures.log(LOG, "export of the audit log for " + user, e);
            request.setAttribute(Failures.REFERENCE_ATTRIBUTE, reference);
            audit.record(new AuditRecord(user, record.clientAddress(), "export", null, java.util.List.of(), "failed",
                    record.details() + ": failed, ref " + reference));
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "ref " + reference);
            }
        }
    }
}
