package dev.opsdeck.tables.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTableWriterTest {

    private static final List<String> HEADERS = List.of("id", "note", "amount", "day", "at");

    @Test
    void headerRowIsBoldAndNamedAfterTheColumns() throws IOException {
        try (var workbook = readBack("Payments / November", List.of())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                assertEquals(HEADERS.get(i), header.getCell(i).getStringCellValue());
                assertTrue(workbook.getFontAt(header.getCell(i).getCellStyle().getFontIndex()).getBold());
            }
            assertEquals("Payments   November", sheet.getSheetName());
            assertEquals(0, sheet.getLastRowNum());
        }
    }

    @Test
    void numbersAreNumericCellsAndDatesAreDateCells() throws IOException {
        try (var workbook = readBack("Payments", List.of(Arrays.asList(-7L, "=1+1", new BigDecimal("12.50"),
                LocalDate.of(2026, 10, 25), Instant.parse("2026-03-29T01:30:05Z"))))) {
            Row row = workbook.getSheetAt(0).getRow(1);

            assertEquals(CellType.NUMERIC, row.getCell(0).getCellType());
            assertEquals(-7, row.getCell(0).getNumericCellValue());
            assertEquals(CellType.STRING, row.getCell(1).getCellType());
            assertEquals("=1+1", row.getCell(1).getStringCellValue());
            assertEquals(12.5, row.getCell(2).getNumericCellValue());
            assertTrue(DateUtil.isCellDateFormatted(row.getCell(3)));
            assertEquals(LocalDate.of(2026, 10, 25).atStartOfDay(), row.getCell(3).getLocalDateTimeCellValue());
            assertTrue(DateUtil.isCellDateFormatted(row.getCell(4)));
            assertEquals(LocalDateTime.of(2026, 3, 29, 1, 30, 5), row.getCell(4).getLocalDateTimeCellValue());
        }
    }

    @Test
    void nullCellsStayEmptyAndRowsKeepTheirOrder() throws IOException {
        try (var workbook = readBack("Payments", List.of(Arrays.asList(1, null, null, null, null),
                Arrays.asList(2, "second", null, null, null)))) {
            XSSFSheet sheet = workbook.getSheetAt(0);

            assertEquals(2, sheet.getLastRowNum());
            assertNull(sheet.getRow(1).getCell(1));
            assertEquals(2, sheet.getRow(2).getCell(0).getNumericCellValue());
            assertEquals("second", sheet.getRow(2).getCell(1).getStringCellValue());
        }
    }

    private static XSSFWorkbook readBack(String title, List<List<?>> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var writer = TableWriter.open(ReportFormat.XLSX, out, title, HEADERS)) {
            rows.forEach(writer::row);
        }
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }
}
