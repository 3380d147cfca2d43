package dev.opsdeck.mail.control;

import dev.opsdeck.reports.control.ReportRunFinished;
import dev.opsdeck.reports.entity.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Mails a configuration's finished run, in the run's own transaction: on success one message to its recipients (the
 * file attached when the configuration asks for it and it is small enough, else a link to its download), on failure
 * one to its owner. Times are shown in the configuration's time zone, else {@code mail.time-zone}.
 */
@ApplicationScoped
public class ReportDelivery {

    private static final Logger LOG = Logger.getLogger(ReportDelivery.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Mail mail;

    void onRunFinished(@Observes ReportRunFinished finished) throws SQLException {
        if (!mail.configured() || finished.mailing().isEmpty()) {
            return;
        }
        ReportRunFinished.Mailing mailing = finished.mailing().get();
        ZoneId zone = zone(mailing.timeZone());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report_name", mailing.name());
        model.put("report_type", mailing.reportType());
        model.put("run_id", finished.runId().toString());
        model.put("finished_at", format(finished.finishedAt(), zone));
        model.put("time_zone", zone.getId());
        if (!finished.succeeded()) {
            model.put("error", finished.error());
            mail.addressOf(mailing.owner()).ifPresentOrElse(owner -> enqueue(finished, MailTemplates.Name.REPORT_FAILED,
                    model, List.of(owner), List.of(), "report_failed"),
                    () -> LOG.warning(() -> "Report run " + finished.runId() + " failed; its owner " + mailing.owner()
                            + " has no address (set mail.user-domain), so nobody is told by mail"));
            return;
        }
        if (mailing.recipients().isEmpty()) {
            return;
        }
        boolean attach = mailing.delivery() == Delivery.ATTACHMENT && finished.sizeBytes() <= mail.attachmentMaxBytes();
        model.put("rows", finished.rows());
        model.put("file_name", finished.fileName());
        model.put("size", size(finished.sizeBytes()));
        model.put("attached", attach);
        model.put("link", mail.linkBaseUrl() + "api/v1/reports/" + finished.runId() + "/download");
        model.put("expires_at", format(finished.expiresAt(), zone));
        List<Letter.Attachment> attachments = attach ? List.of(new Letter.Attachment(finished.fileName(),
                contentType(finished.fileName()), file(finished))) : List.of();
        enqueue(finished, MailTemplates.Name.REPORT_DELIVERED, model, mailing.recipients(), attachments, "report");
    }

    private void enqueue(ReportRunFinished finished, MailTemplates.Name template, Map<String, Object> model,
                         List<String> recipients, List<Letter.Attachment> attachments, String kind) {
        try {
            mail.enqueue(finished.connection(), template, model, recipients, attachments, kind, finished.runId().toString());
        } catch (SQLException e) {
            throw new IllegalStateException("queueing the report's mail failed: " + e.getMessage(), e);
        }
    }

    private static byte[] file(ReportRunFinished finished) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            finished.copyFile(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ZoneId zone(String configured) {
        try {
            return configured == null ? mail.zone() : ZoneId.of(configured);
        } catch (DateTimeException e) {
            return mail.zone();
        }
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    static String contentType(String fileName) {
        String lower = fileName.toLowerCase();
        if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        return lower.endsWith(".csv") ? "text/csv; charset=UTF-8" : "application/octet-stream";
    }
}
