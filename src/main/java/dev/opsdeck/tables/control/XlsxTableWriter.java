package dev.opsdeck.tables.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming workbook: only the last rows stay in memory, the rest go to a compressed temporary
 * file that is deleted on close. Instants are written as UTC date-times, since a spreadsheet cell has no zone.
 */
final class XlsxTableWriter extends TableWriter {

    private static final int ROWS_IN_MEMORY = 200;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;

    XlsxTableWriter(OutputStream out, String title, List<String> headers) {
        super(headers);
        this.out = out;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(title.isBlank() ? "Report" : title));
        dateStyle = formatted("yyyy-mm-dd");
        dateTimeStyle = formatted("yyyy-mm-dd hh:mm:ss");
        writeHeader();
    }

    @Override
    protected void write(List<?> cells) {
        Row row = sheet.createRow((int) rows() + 1);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value != null) {
                set(row.createCell(i), value);
            }
        }
    }

    @Override
    protected void finish() {
        try (out) {
            workbook.write(out);
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private void set(Cell cell, Object value) {
        if (value instanceof Integer number) {
            cell.setCellValue(number);
        } else if (value instanceof Long number) {
            cell.setCellValue(number);
        } else if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
        } else if (value instanceof Instant instant) {
            cell.setCellValue(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
            cell.setCellStyle(dateTimeStyle);
        } else {
            cell.setCellValue((String) value);
        }
    }

    private void writeHeader() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
        sheet.setDefaultColumnWidth(18);
    }

    private CellStyle formatted(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
