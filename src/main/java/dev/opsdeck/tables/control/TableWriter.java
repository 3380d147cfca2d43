package dev.opsdeck.tables.control;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Writes one table as a report, a row at a time, so that a report of any length needs only a bounded amount of
 * memory. Cells are String, Integer, Long, BigDecimal, Instant, LocalDate or null. Closing finishes the document
 * and closes the stream it was given.
 */
public abstract sealed class TableWriter implements AutoCloseable
        permits CsvTableWriter, XlsxTableWriter, PdfTableWriter {

    protected final List<String> headers;
    private long rows;
    private boolean closed;

    protected TableWriter(List<String> headers) {
        this.headers = headers;
    }

    public static TableWriter open(ReportFormat format, OutputStream out, String title, List<String> headers) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(title, "title");
        if (headers == null || headers.isEmpty() || headers.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a report needs at least one header and no null header");
        }
        List<String> copy = List.copyOf(headers);
        return switch (format) {
            case CSV -> new CsvTableWriter(out, copy);
            case XLSX -> new XlsxTableWriter(out, title, copy);
            case PDF -> new PdfTableWriter(out, title, copy);
        };
    }

    public final void row(List<?> cells) {
        if (closed) {
            throw new IllegalStateException("report already closed after " + rows + " rows");
        }
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row " + (rows + 1) + " has " + cells.size() + " cells, the report has "
                    + headers.size() + " columns");
        }
        for (Object cell : cells) {
            requireSupported(cell);
        }
        write(cells);
        rows++;
    }

    public final long rows() {
        return rows;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            finish();
        }
    }

    protected abstract void write(List<?> cells);

    protected abstract void finish();

    protected static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell.toString();
    }

    protected static boolean numeric(Object cell) {
        return cell instanceof Integer || cell instanceof Long || cell instanceof BigDecimal;
    }

    private static void requireSupported(Object cell) {
        if (cell != null && !(cell instanceof String) && !numeric(cell) && !(cell instanceof Instant)
                && !(cell instanceof LocalDate)) {
            throw new IllegalArgumentException("unsupported cell type " + cell.getClass().getName());
        }
    }
}
