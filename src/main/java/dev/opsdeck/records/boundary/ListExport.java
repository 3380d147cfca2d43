package dev.opsdeck.records.boundary;

import dev.opsdeck.audit.control.AuditTrail;
import dev.opsdeck.audit.entity.AuditRecord;
import dev.opsdeck.records.control.ListExporter;
import dev.opsdeck.records.entity.ListState;
import dev.opsdeck.records.entity.ReadModelTable;
import dev.opsdeck.logging.control.Failures;
import dev.opsdeck.tables.control.ExportLimits;
import dev.opsdeck.tables.control.ReportFormat;
import dev.opsdeck.proxy.boundary.ClientAddress;
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

/** Downloads a console list as shown (its query string minus paging) as CSV or XLSX; every export is audited. */
@WebServlet({"/accounts/export", "/payments/export"})
public class ListExport extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ListExport.class.getName());

    @Inject
    ListExporter exporter;

    @Inject
    AuditTrail audit;

    @Inject
    ExportLimits limits;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReadModelTable table = request.getServletPath().startsWith("/accounts") ? ReadModelTable.ACCOUNTS : ReadModelTable.PAYMENTS;
        ReportFormat format;
        ListState state;
        try {
            format = ReportFormat.parse(request.getParameter("format"));
            if (format == ReportFormat.PDF) {
                throw new IllegalArgumentException("format must be csv or xlsx");
            }
            String query = request.getQueryString() == null ? "" : request.getQueryString().replaceAll("(^|&)format=[^&]*", "");
            state = ListState.parse(table, query);
            exporter.requireFits(table, state, format);
        } catch (IllegalArgumentException | ListExporter.ExportRefused e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        } catch (SQLException e) {
            throw new IOException(e);
        }
        String user = request.getUserPrincipal().getName();
        Optional<ExportLimits.Permit> permit = limits.tryStart(user);
        if (permit.isEmpty()) {
            response.setHeader("Retry-After", String.valueOf(ExportLimits.RETRY_AFTER_SECONDS));
            response.sendError(429, limits.tryAgainMessage());
            return;
        }
        try (ExportLimits.Permit running = permit.get()) {
            write(request, response, table, format, state, user);
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ReadModelTable table, ReportFormat format,
                       ListState state, String user) throws IOException {
        String file = table.pageName() + "-" + LocalDate.now() + "." + format.extension();
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        AuditRecord record = AuditRecord.of(user, ClientAddress.of(request), "export", "succeeded")
                .details(table.pageName() + " as " + format.extension() + " with " + state.viewQueryString());
        try {
            long rows = exporter.export(table, state, format, response.getOutputStream());
            audit.record(record.details(record.details() + ": " + rows + " rows"));
        } catch (SQLException | RuntimeException e) {
            String reference = Failures.log(LOG, "export of " + table.pageName() + " for " + user, e);
            request.setAttribute(Failures.REFERENCE_ATTRIBUTE, reference);
            audit.record(new AuditRecord(record.actor(), record.clientAddress(), "export", null, java.util.List.of(), "failed",
                    record.details() + ": failed, ref " + reference));
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "ref " + reference);
            }
        }
    }
}
