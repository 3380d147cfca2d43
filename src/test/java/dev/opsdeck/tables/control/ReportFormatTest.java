package dev.opsdeck.tables.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void parsesAnyCase() {
        assertEquals(ReportFormat.CSV, ReportFormat.parse("csv"));
        assertEquals(ReportFormat.XLSX, ReportFormat.parse("XLSX"));
        assertEquals(ReportFormat.PDF, ReportFormat.parse("Pdf"));
    }

    @Test
    void unknownFormatNamesTheAllowedOnes() {
        for (String text : new String[]{"xls", "", null}) {
            var e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse(text));
            assertEquals("unknown report format '" + text + "', expected one of csv, xlsx, pdf", e.getMessage());
        }
    }

    @Test
    void contentTypesAndExtensionsAreWhatBrowsersExpect() {
        assertEquals("text/csv; charset=UTF-8", ReportFormat.CSV.contentType());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReportFormat.XLSX.contentType());
        assertEquals("application/pdf", ReportFormat.PDF.contentType());
        assertEquals("csv", ReportFormat.CSV.extension());
        assertEquals("xlsx", ReportFormat.XLSX.extension());
        assertEquals("pdf", ReportFormat.PDF.extension());
    }
}
