package dev.opsdeck.tables.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfTableWriterTest {

    private static final List<String> HEADERS = List.of("Payment", "Account", "Amount", "Day", "Settled at");

    @Test
    void titleHeadersAndValuesAreInTheText() throws IOException {
        List<String> pages = pages(write(3));

        String first = pages.get(0);
        assertEquals(1, pages.size());
        assertTrue(first.contains("Settled payments"), first);
        for (String header : HEADERS) {
            assertTrue(first.contains(header), header);
        }
        assertTrue(first.contains("pay-2"), first);
        assertTrue(first.contains("-12.50"), first);
        assertTrue(first.contains("2026-10-25"), first);
        assertTrue(first.contains("2026-03-29T01:30:00Z"), first);
    }

    @Test
    void everyPageRepeatsTheHeaderAndNoRowIsLost() throws IOException {
        int rows = 1_300;
        List<String> pages = pages(write(rows));

        assertTrue(pages.size() > 10, "pages: " + pages.size());
        for (String page : pages) {
            assertTrue(page.contains("Settled at"), page);
        }
        String all = String.join("\n", pages);
        for (int i = 1; i <= rows; i++) {
            assertTrue(all.contains("pay-" + i + " "), "pay-" + i);
        }
    }

    private static byte[] write(int rows) {
        var out = new ByteArrayOutputStream();
        try (var writer = TableWriter.open(ReportFormat.PDF, out, "Settled payments", HEADERS)) {
            for (int i = 1; i <= rows; i++) {
                writer.row(List.of("pay-" + i, "acc-" + (i % 7), new BigDecimal("-12.50"), LocalDate.of(2026, 10, 25),
                        Instant.parse("2026-03-29T01:30:00Z")));
            }
            assertEquals(rows, writer.rows());
        }
        return out.toByteArray();
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        var reader = new PdfReader(pdf);
        try {
            var extractor = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pages.add(extractor.getTextFromPage(page));
            }
            return pages;
        } finally {
            reader.close();
        }
    }
}
