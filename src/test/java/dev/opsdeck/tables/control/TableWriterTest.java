package dev.opsdeck.tables.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TableWriterTest {

    private static final int ROWS = 200_000;

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void twoHundredThousandRowsFitInA64MegabyteHeap(ReportFormat format) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LargeReport.class.getName(), format.name(), String.valueOf(ROWS))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.startsWith(ROWS + " rows "), output);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void aRowOfTheWrongWidthIsRefused(ReportFormat format) {
        try (var writer = TableWriter.open(format, new DiscardingStream(), "Report", List.of("a", "b"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> writer.row(List.of("only one")));
            assertEquals("row 1 has 1 cells, the report has 2 columns", e.getMessage());
            assertEquals(0, writer.rows());
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void anUnsupportedCellTypeIsRefused(ReportFormat format) {
        try (var writer = TableWriter.open(format, new DiscardingStream(), "Report", List.of("a"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> writer.row(List.of(1.5d)));
            assertEquals("unsupported cell type java.lang.Double", e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void noRowAfterClose(ReportFormat format) {
        var writer = TableWriter.open(format, new DiscardingStream(), "Report", List.of("a"));
        writer.row(List.of("x"));
        writer.close();
        var e = assertThrows(IllegalStateException.class, () -> writer.row(List.of("y")));
        assertEquals("report already closed after 1 rows", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void closingTwiceClosesTheStreamOnce(ReportFormat format) {
        var out = new DiscardingStream();
        var writer = TableWriter.open(format, out, "Report", List.of("a"));
        writer.close();
        writer.close();
        assertEquals(1, out.closes);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void aReportNeedsHeaders(ReportFormat format) {
        assertThrows(IllegalArgumentException.class, () -> TableWriter.open(format, new DiscardingStream(), "Report", List.of()));
    }
}
