package dev.opsdeck.reports.boundary;

import dev.opsdeck.tables.control.ReportFormat;
import dev.opsdeck.reports.control.Reports;
import dev.opsdeck.reports.entity.ReportRun;
import dev.opsdeck.reports.entity.RunStatus;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The console's download of a finished report file, under the console's session login (the API takes bearer credentials only). */
@WebServlet("/reports/download")
public class ReportDownload extends HttpServlet {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Inject
    Reports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            download(request, response);
        } catch (SQLException e) {
            throw new IOException("could not read report run " + request.getParameter("run") + ": " + e.getMessage(), e);
        }
    }

    private void download(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(request.getParameter("run")));
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "run must be the id of a report run");
            return;
        }
        ReportRun run = em.find(ReportRun.class, id);
        if (run == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No report run " + id);
            return;
        }
        if (run.getStatus() != RunStatus.SUCCEEDED) {
            response.sendError(HttpServletResponse.SC_CONFLICT, "Run " + id + " is " + run.getStatus().label());
            return;
        }
        if (run.getFileName() == null || !reports.files().exists(id)) {
            response.sendError(HttpServletResponse.SC_GONE, "The file of run " + id + " is no longer kept");
            return;
        }
        ReportFormat format = ReportFormat.parse(run.getFormat());
        response.setContentType(format.contentType());
        response.setContentLengthLong(run.getSizeBytes());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + run.getReportType() + "-"
                + FILE_TIME.format(run.getFinishedAt()) + "." + format.extension() + "\"");
        response.setHeader("X-Checksum-SHA256", run.getChecksum());
        reports.files().copy(id, response.getOutputStream());
    }
}
