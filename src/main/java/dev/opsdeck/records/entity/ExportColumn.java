package dev.opsdeck.records.entity;

import java.util.ArrayList;
import java.util.List;

/** The cells a list's column becomes in an export: money as exact integer minor units and in its currency's units. */
public record ExportColumn(String header, String sqlColumn, Kind kind) {

    public enum Kind { TEXT, NUMBER, TIME, MONEY_TEXT }

    public static List<ExportColumn> of(ReadModelTable table, List<String> shown) {
        List<ExportColumn> columns = new ArrayList<>();
        for (String column : shown) {
            String sql = table.sortColumns().get(column);
            switch (column) {
                case "balance":
                case "amount":
                    columns.add(new ExportColumn(sql, sql, Kind.NUMBER));
                    columns.add(new ExportColumn(column, sql, Kind.MONEY_TEXT));
                    break;
                case "created":
                case "synced":
                    columns.add(new ExportColumn(sql, sql, Kind.TIME));
                    break;
                default:
                    columns.add(new ExportColumn(sql, sql, Kind.TEXT));
            }
        }
        return columns;
    }
}
