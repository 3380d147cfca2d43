package dev.opsdeck.tables.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.util.List;

/**
 * A landscape A4 PDF: the title, then one table whose header row repeats on every page. The table is declared
 * incomplete and handed to the document every few hundred rows, which lays out and drops the rows added so far.
 * The standard Helvetica font covers Latin-1 only.
 */
final class PdfTableWriter extends TableWriter {

    private static final int ROWS_PER_CHUNK = 500;
    private static final Font TITLE = new Font(Font.HELVETICA, 14, Font.BOLD);
    private static final Font HEADER = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 8);

    private final Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
    private final PdfPTable table;

    PdfTableWriter(OutputStream out, String title, List<String> headers) {
        super(headers);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.open();
        Paragraph heading = new Paragraph(title, TITLE);
        heading.setSpacingAfter(8);
        document.add(heading);
        table = new PdfPTable(headers.size());
        table.setWidthPercentage(100);
        table.setComplete(false);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, HEADER));
            cell.setBackgroundColor(new Color(230, 230, 230));
            table.addCell(cell);
        }
        table.setHeaderRows(1);
    }

    @Override
    protected void write(List<?> cells) {
        for (Object value : cells) {
            PdfPCell cell = new PdfPCell(new Phrase(text(value), BODY));
            cell.setHorizontalAlignment(numeric(value) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        if ((rows() + 1) % ROWS_PER_CHUNK == 0) {
            document.add(table);
        }
    }

    @Override
    protected void finish() {
        table.setComplete(true);
        document.add(table);
        document.close();
    }
}
