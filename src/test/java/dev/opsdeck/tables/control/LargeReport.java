package dev.opsdeck.tables.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Writes a long report into nothing and prints its row and byte counts; run in a JVM with a small heap. */
final class LargeReport {

    public static void main(String[] args) {
        ReportFormat format = ReportFormat.parse(args[0]);
        int rows = Integer.parseInt(args[1]);
        var out = new DiscardingStream();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        long written;
        try (var writer = TableWriter.open(format, out, "Large report",
                List.of("id", "account", "amount", "day", "at", "note"))) {
            for (int i = 0; i < rows; i++) {
                writer.row(Arrays.asList((long) i, "acc-" + (i % 1_000), BigDecimal.valueOf(i - 100_000, 2),
                        LocalDate.of(2026, 1, 1).plusDays(i % 365), start.plusSeconds(i), i % 10 == 0 ? null : "note " + i));
            }
            written = writer.rows();
        }
        System.out.println(written + " rows " + out.bytes + " bytes");
    }
}
