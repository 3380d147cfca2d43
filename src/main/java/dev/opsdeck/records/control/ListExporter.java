package dev.opsdeck.records.control;

import dev.opsdeck.records.entity.ExportColumn;
import dev.opsdeck.records.entity.ListState;
import dev.opsdeck.records.entity.ReadModelTable;
import dev.opsdeck.schema.control.Schema;
import dev.opsdeck.tables.control.ExportLimits;
import dev.opsdeck.tables.control.Money;
import dev.opsdeck.tables.control.ReportFormat;
import dev.opsdeck.tables.control.TableWriter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Streams a whole list, filtered and sorted as shown, into a CSV or XLSX document: rows are read through a
 * database cursor and written one at a time, so a million rows need no more memory than a thousand.
 */
@ApplicationScoped
public class ListExporter {

    public static final long XLSX_MAX_ROWS = 1_048_575;
    static final int FETCH_SIZE = 2_000;

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    ExportLimits limits;

    /** Refused before anything is written, with the reason. */
    public static class ExportRefused extends RuntimeException {
        public ExportRefused(String message) {
            super(message);
        }
    }

    public void requireFits(ReadModelTable table, ListState state, ReportFormat format) throws SQLException {
        if (format != ReportFormat.XLSX) {
            return;
        }
        ListQuery query = ListQuery.of(table, state);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(query.boundedCountSql())) {
            int position = ListReader.bind(count, query);
            count.setLong(position, XLSX_MAX_ROWS + 1);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                if (result.getLong(1) > XLSX_MAX_ROWS) {
                    throw new ExportRefused("This list has more than " + XLSX_MAX_ROWS
                            + " rows, more than a spreadsheet holds: narrow the filters or export CSV");
                }
            }
        }
    }

    /** Writes the list and returns how many rows it had. */
    public long export(ReadModelTable table, ListState state, ReportFormat format, OutputStream out) throws SQLException {
        ListQuery query = ListQuery.of(table, state);
        List<ExportColumn> columns = ExportColumn.of(table, state.columns());
        List<String> headers = columns.stream().map(ExportColumn::header).toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                limits.applyStatementTimeout(connection);
                long rows = write(connection, query, columns, TableWriter.open(format, out, table.pageName(), headers));
                connection.commit();
                return rows;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static long write(Connection connection, ListQuery query, List<ExportColumn> columns, TableWriter writer)
            throws SQLException {
        try (writer; PreparedStatement statement = connection.prepareStatement(query.allSql())) {
            statement.setFetchSize(FETCH_SIZE);
            ListReader.bind(statement, query);
            try (ResultSet result = statement.executeQuery()) {
                List<Object> cells = new ArrayList<>(columns.size());
                while (result.next()) {
                    cells.clear();
                    for (ExportColumn column : columns) {
                        cells.add(cell(result, column));
                    }
                    writer.row(cells);
                }
            }
            return writer.rows();
        }
    }

    private static Object cell(ResultSet result, ExportColumn column) throws SQLException {
        switch (column.kind()) {
            case NUMBER:
                return result.getLong(column.sqlColumn());
            case MONEY_TEXT:
                return Money.format(result.getLong(column.sqlColumn()), result.getString("currency").trim());
            case TIME:
                OffsetDateTime time = result.getObject(column.sqlColumn(), OffsetDateTime.class);
                return time == null ? null : time.toInstant();
            default:
                Object value = result.getObject(column.sqlColumn());
                return value == null ? null : value.toString().trim();
        }
    }
}
