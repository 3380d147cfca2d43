package dev.opsdeck.tables.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8. A text cell that starts like a formula gets a leading apostrophe, because a spreadsheet
 * opening the file would otherwise run it (CSV injection); numbers, and amounts like {@code -12.50 EUR}, are written
 * as they are.
 */
final class CsvTableWriter extends TableWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NEGATIVE_AMOUNT = Pattern.compile("-\\d+(\\.\\d+)?( [A-Z]{3})?");

    private final CSVPrinter printer;

    CsvTableWriter(OutputStream out, List<String> headers) {
        super(headers);
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            printer = CSVFormat.RFC4180.builder().setHeader(headers.toArray(String[]::new)).get().print(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void write(List<?> cells) {
        List<String> values = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            values.add(cell instanceof String s ? defused(s) : text(cell));
        }
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void finish() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String defused(String text) {
        boolean formula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
                && !NEGATIVE_AMOUNT.matcher(text).matches();
        return formula ? "'" + text : text;
    }
}
