package dev.opsdeck.tables.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {

    private static final List<String> HEADERS = List.of("id", "note", "amount", "at");

    private record Csv(List<String> headers, List<CSVRecord> rows) {
    }

    @Test
    void headerAndValuesReadBackAsWritten() throws IOException {
        Csv csv = readBack(List.of(
                Arrays.asList(1L, "plain", new BigDecimal("12.50"), Instant.parse("2026-03-29T01:30:00Z")),
                Arrays.asList(2, null, null, LocalDate.of(2026, 10, 25))));

        assertEquals(HEADERS, csv.headers());
        assertEquals(List.of("1", "plain", "12.50", "2026-03-29T01:30:00Z"), csv.rows().get(0).toList());
        assertEquals(List.of("2", "", "", "2026-10-25"), csv.rows().get(1).toList());
    }

    @Test
    void commasQuotesAndNewlinesSurviveQuoting() throws IOException {
        String awkward = "a, \"quoted\"\nsecond line, ünïcödé €";

        Csv csv = readBack(List.of(Arrays.asList(1L, awkward, null, null)));

        assertEquals(awkward, csv.rows().get(0).get("note"));
        assertEquals(1, csv.rows().size());
    }

    @Test
    void textThatLooksLikeAFormulaGetsALeadingApostrophe() throws IOException {
        Csv csv = readBack(List.of(
                Arrays.asList(1L, "=HYPERLINK(\"http://evil\")", null, null),
                Arrays.asList(2L, "+1", null, null),
                Arrays.asList(3L, "-2+3", null, null),
                Arrays.asList(4L, "@SUM(A1)", null, null),
                Arrays.asList(5L, "a=b", null, null)));

        assertEquals(List.of("'=HYPERLINK(\"http://evil\")", "'+1", "'-2+3", "'@SUM(A1)", "a=b"),
                csv.rows().stream().map(r -> r.get("note")).toList());
    }

    @Test
    void negativeNumbersStayNumbers() throws IOException {
        Csv csv = readBack(List.of(Arrays.asList(-7L, "x", new BigDecimal("-0.01"), null)));

        assertEquals("-7", csv.rows().get(0).get("id"));
        assertEquals("-0.01", csv.rows().get(0).get("amount"));
    }

    @Test
    void negativeAmountsWithTheirCurrencyAreNotMistakenForFormulas() throws IOException {
        Csv csv = readBack(List.of(Arrays.asList(1L, Money.format(-99999, "EUR"), null, null), Arrays.asList(2L, "-1 EUR+1", null, null),
                Arrays.asList(3L, Money.format(-1500, "JPY"), null, null), Arrays.asList(4L, Money.format(-1250, "KWD"), null, null)));

        assertEquals(List.of("-999.99 EUR", "'-1 EUR+1", "-1500 JPY", "-1.250 KWD"), csv.rows().stream().map(r -> r.get("note")).toList());
    }

    @Test
    void recordsEndWithCrLfAsRfc4180Says() {
        var out = new ByteArrayOutputStream();
        try (var writer = TableWriter.open(ReportFormat.CSV, out, "ignored", List.of("a", "b"))) {
            writer.row(List.of("x", 1L));
        }
        assertEquals("a,b\r\nx,1\r\n", out.toString(StandardCharsets.UTF_8));
    }

    private static Csv readBack(List<List<?>> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var writer = TableWriter.open(ReportFormat.CSV, out, "ignored", HEADERS)) {
            rows.forEach(writer::row);
            assertEquals(rows.size(), writer.rows());
        }
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = format.parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            return new Csv(parser.getHeaderNames(), parser.getRecords());
        }
    }
}
