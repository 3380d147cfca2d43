package dev.opsdeck.reports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.Tokens;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reports over read models filled through the real broker, requested through the service API, and the
 * files parsed back: sums per currency, empty ranges, each format, validation and authorisation.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    private static final String SERVICE = Tokens.NEW_SERVICE_TOKEN;
    private static final String VIEWER = Tokens.jwt("vera", List.of("viewer"));
    private static final String OPERATOR = Tokens.jwt("otto", List.of("operator"));
    private static final String ADMIN = Tokens.jwt("ada", List.of("admin"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    private static void publish(String address, List<String> events) throws Exception {
        try (Stomp stomp = Stomp.connect("127.0.0.1", Integer.getInteger("it.broker.port"))) {
            for (String event : events) {
                stomp.sendText(address, event, Map.of());
            }
        }
    }

    private static String account(String currency, long balance, String status) {
        return Events.account(UUID.randomUUID(), "account.created", UUID.randomUUID(), balance, status, 1L,
                Instant.parse("2026-11-20T10:00:00Z")).replace("\"EUR\"", "\"" + currency + "\"");
    }

    private static String payment(String currency, long amount, String status, String createdAt) {
        return Events.payment(UUID.randomUUID(), "payment.created", UUID.randomUUID(), UUID.randomUUID(), amount, status, 1,
                Instant.parse(createdAt)).replace("\"USD\"", "\"" + currency + "\"")
                .replace("\"created_at\":\"2026-11-01T00:00:00Z\"", "\"created_at\":\"" + createdAt + "\"");
    }

    private void awaitRows(String path, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (api().get(path, SERVICE).json().getJsonArray("items").size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("read model never held " + count + " rows for " + path);
            }
            Thread.sleep(100);
        }
    }

    private JsonObject runToEnd(String request) throws InterruptedException {
        Api.Response accepted = api().post("api/v1/reports", SERVICE, request);
        assertEquals(202, accepted.status(), accepted.body());
        String id = accepted.json().getString("id");
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = api().get("api/v1/reports/" + id, SERVICE).json();
            if (run.getString("status").equals("succeeded") || run.getString("status").equals("failed")) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private byte[] download(JsonObject run, String expectedType) throws Exception {
        assertEquals("succeeded", run.getString("status"), run.toString());
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(run.getString("download_url")))
                .header("Authorization", "Bearer " + SERVICE).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith(expectedType),
                file.headers().firstValue("Content-Type").orElse(""));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("attachment; filename="));
        assertEquals(run.getJsonNumber("size_bytes").longValue(), file.body().length);
        return file.body();
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(new String(body, java.nio.charset.StandardCharsets.UTF_8))).getRecords();
    }

    @Test
    void accountBalancesSumCentsPerCurrencyAndStatusNeverMixingCurrencies() throws Exception {
        publish("accounts.events", List.of(account("RPA", 123405, "active"), account("RPA", 100, "active"),
                account("RPA", -50, "frozen"), account("RPB", -99999, "active")));
        awaitRows("api/v1/accounts?currency=RPB", 1);
        awaitRows("api/v1/accounts?currency=RPA", 3);
        JsonObject run = runToEnd("{\"report_type\":\"account_balances\",\"format\":\"csv\"}");
        List<CSVRecord> rows = csv(download(run, "text/csv"));
        CSVRecord active = rows.stream().filter(r -> r.get("currency").equals("RPA") && r.get("status").equals("active")).findFirst().orElseThrow();
        assertEquals("2", active.get("accounts"));
        assertEquals("123505", active.get("balance_cents"));
        assertEquals("1235.05 RPA", active.get("balance"));
        CSVRecord negative = rows.stream().filter(r -> r.get("currency").equals("RPB")).findFirst().orElseThrow();
        assertEquals("-999.99 RPB", negative.get("balance"));
        assertEquals(run.getJsonNumber("row_count").longValue(), rows.size());
        assertEquals(64, run.getString("checksum").length());
    }

    @Test
    void paymentsSummaryInXlsxGroupsByDayCurrencyAndStatusWithinTheRange() throws Exception {
        publish("payments.events", List.of(payment("RPC", 1000, "settled", "2026-03-01T09:00:00Z"),
                payment("RPC", 2500, "settled", "2026-03-01T23:59:59Z"), payment("RPC", 700, "failed", "2026-03-02T00:00:00Z"),
                payment("RPC", 9999, "settled", "2026-03-05T12:00:00Z")));
        awaitRows("api/v1/payments?currency=RPC", 4);
        JsonObject run = runToEnd("{\"report_type\":\"payments_summary\",\"format\":\"xlsx\","
                + "\"parameters\":{\"from\":\"2026-03-01\",\"to\":\"2026-03-02\"}}");
        byte[] body = download(run, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                if (cells.contains("RPC")) {
                    rows.add(cells);
                }
            }
        }
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).containsAll(List.of("2026-03-01", "RPC", "settled", "35.00 RPC")), rows.toString());
        assertTrue(rows.get(1).containsAll(List.of("2026-03-02", "RPC", "failed", "7.00 RPC")), rows.toString());
    }

    @Test
    void emptyRangeGivesAReportWithNoRows() throws Exception {
        JsonObject run = runToEnd("{\"report_type\":\"payments_summary\",\"format\":\"csv\","
                + "\"parameters\":{\"from\":\"1999-01-01\",\"to\":\"1999-01-31\"}}");
        assertEquals(0, csv(download(run, "text/csv")).size());
        assertEquals(0, run.getJsonNumber("row_count").longValue());
    }

    @Test
    void refundsInPdfShowRequestedConfirmedAndOutstandingPerCurrency() throws Exception {
        publish("payments.events", List.of(payment("RPD", 1000, "refund_requested", "2026-04-01T09:00:00Z"),
                payment("RPD", 2000, "refunded", "2026-04-01T09:00:00Z"), payment("RPD", 4000, "settled", "2026-04-01T09:00:00Z")));
        awaitRows("api/v1/payments?currency=RPD", 3);
        JsonObject run = runToEnd("{\"report_type\":\"refunds\",\"format\":\"pdf\"}");
        byte[] body = download(run, "application/pdf");
        PdfReader reader = new PdfReader(body);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        String pdf = text.toString();
        assertTrue(pdf.contains("Refunds by currency"), pdf);
        assertTrue(pdf.contains("30.00 RPD"), "requested: both refund states " + pdf);
        assertTrue(pdf.contains("20.00 RPD"), "confirmed " + pdf);
        assertTrue(pdf.contains("10.00 RPD"), "outstanding " + pdf);
    }

    @Test
    void deadLettersReportCountsPerStreamAndReason() throws Exception {
        publish("payments.events", List.of("{\"report\":\"dead\"}"));
        Thread.sleep(1_000);
        JsonObject run = runToEnd("{\"report_type\":\"dead_letters\",\"format\":\"csv\"}");
        assertTrue(csv(download(run, "text/csv")).stream()
                .anyMatch(r -> r.get("stream").equals("payments") && r.get("reason").equals("malformed: id: missing")));
    }

    @Test
    void invalidRequestsAnswer422NamingTheField() {
        Map<String, String> cases = Map.of(
                "{\"report_type\":\"balances\"}", "report_type",
                "{\"report_type\":\"payments_summary\",\"parameters\":{\"from\":\"2026-13-01\",\"to\":\"2026-12-01\"}}", "parameters.from",
                "{\"report_type\":\"payments_summary\",\"parameters\":{\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}}", "parameters.to",
                "{\"report_type\":\"account_balances\",\"parameters\":{\"currency\":\"EUR\"}}", "parameters.currency",
                "{\"report_type\":\"account_balances\",\"format\":\"docx\"}", "format",
                "{\"configuration_id\":999999}", "configuration_id");
        cases.forEach((body, field) -> {
            Api.Response response = api().post("api/v1/reports", SERVICE, body);
            assertEquals(422, response.status(), body + " -> " + response.body());
            assertEquals(field, response.json().getString("field"), body);
        });
    }

    @Test
    void callersNeedACredentialAndViewersCannotRequestReports() {
        assertEquals(401, api().post("api/v1/reports", null, "{\"report_type\":\"account_balances\"}").status());
        assertEquals(403, api().post("api/v1/reports", VIEWER, "{\"report_type\":\"account_balances\"}").status());
        assertEquals(404, api().get("api/v1/reports/" + UUID.randomUUID(), VIEWER).status());
        assertEquals(202, api().post("api/v1/reports", OPERATOR, "{\"report_type\":\"account_balances\"}").status());
    }

    @Test
    void scheduledConfigurationRunsOnTimeAndItsFileDownloadsWithAServiceToken() throws Exception {
        Api.Response invalid = api().get("api/v1/report-configurations/schedule-preview?cron=61+*+*+*+*&time_zone=UTC", VIEWER);
        assertEquals(422, invalid.status(), invalid.body());
        assertEquals("cron", invalid.json().getString("field"));
        assertEquals(5, api().get("api/v1/report-configurations/schedule-preview?cron=*/5+*+*+*+*&time_zone=Europe/Berlin", VIEWER)
                .json().getJsonArray("next_runs").size());

        String name = "every minute " + UUID.randomUUID();
        Api.Response created = api().post("api/v1/report-configurations", ADMIN, "{\"name\":\"" + name + "\","
                + "\"report_type\":\"account_balances\",\"format\":\"xlsx\",\"cron\":\"* * * * *\",\"time_zone\":\"Europe/Berlin\"}");
        assertEquals(201, created.status(), created.body());
        long configuration = created.json().getJsonNumber("id").longValue();
        Instant firstDue = Instant.parse(created.json().getString("next_run_at"));
        Instant deadline = firstDue.plus(Duration.ofSeconds(60));
        JsonObject scheduled = null;
        while (Instant.now().isBefore(deadline) && scheduled == null) {
            for (JsonObject run : api().get("api/v1/reports?type=account_balances&limit=50", SERVICE).json()
                    .getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (run.containsKey("configuration_id") && run.getJsonNumber("configuration_id").longValue() == configuration
                        && run.getString("status").equals("succeeded")) {
                    scheduled = run;
                }
            }
            Thread.sleep(500);
        }
        assertTrue(scheduled != null, "no scheduled run by " + deadline);
        assertEquals(firstDue, Instant.parse(scheduled.getString("scheduled_for")));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download(scheduled, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))) {
            assertEquals("currency", workbook.getSheetAt(0).getRow(0).getCell(0).toString());
        }
        Api.Response disabled = api().put("api/v1/report-configurations/" + configuration, ADMIN, "{\"name\":\"" + name + "\","
                + "\"report_type\":\"account_balances\",\"format\":\"xlsx\",\"cron\":\"* * * * *\",\"enabled\":false}");
        assertEquals(200, disabled.status(), disabled.body());
        assertTrue(!disabled.json().containsKey("next_run_at"), disabled.body());
    }
}
