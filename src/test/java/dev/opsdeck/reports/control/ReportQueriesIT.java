package dev.opsdeck.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsdeck.ingestion.control.ReadModelStatements;
import dev.opsdeck.ingestion.control.ReadModelWriter;
import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.PaymentState;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.testing.Databases;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each report's SQL on both databases Opsdeck runs on, over read models filled by the ingestion writer. */
class ReportQueriesIT {

    private static List<List<Object>> rows(DataSource dataSource, ReportType type, Map<String, String> parameters) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ReportQueries.stream(connection, type, parameters, rows::add);
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void paymentsSummaryAndRefundsSumPerDayCurrencyAndStatusInEachCurrencysUnits(String database) throws Exception {
        DataSource dataSource = database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
        ReadModelWriter writer = new ReadModelWriter(dataSource, database.equals("postgresql")
                ? ReadModelStatements.POSTGRESQL : ReadModelStatements.H2, 1, 64, Clock.systemUTC(), Executors.defaultThreadFactory(), s -> { });
        try {
            Object[][] payments = {{1000L, "EUR", "settled", "2026-03-01T09:00:00Z"}, {2500L, "EUR", "settled", "2026-03-01T23:59:59Z"},
                    {700L, "USD", "refund_requested", "2026-03-02T00:00:00Z"}, {300L, "USD", "refunded", "2026-03-02T10:00:00Z"},
                    {9999L, "EUR", "settled", "2026-03-05T12:00:00Z"},
                    {1500L, "JPY", "refunded", "2026-03-02T05:00:00Z"}, {1250L, "KWD", "refund_requested", "2026-03-02T06:00:00Z"}};
            for (Object[] p : payments) {
                Instant created = Instant.parse((String) p[3]);
                writer.submit(Stream.PAYMENTS, new Event(UUID.randomUUID(), "payment.created", "payments", created,
                        new PaymentState(UUID.randomUUID(), UUID.randomUUID(), (Long) p[0], (String) p[1], (String) p[2],
                                created, created, 1L))).get(30, TimeUnit.SECONDS);
            }
            List<List<Object>> summary = rows(dataSource, ReportType.PAYMENTS_SUMMARY, Map.of("from", "2026-03-01", "to", "2026-03-02"));
            assertEquals(List.of(
                    List.of("2026-03-01", "EUR", "settled", 2L, 3500L, "35.00 EUR"),
                    List.of("2026-03-02", "JPY", "refunded", 1L, 1500L, "1500 JPY"),
                    List.of("2026-03-02", "KWD", "refund_requested", 1L, 1250L, "1.250 KWD"),
                    List.of("2026-03-02", "USD", "refund_requested", 1L, 700L, "7.00 USD"),
                    List.of("2026-03-02", "USD", "refunded", 1L, 300L, "3.00 USD")), summary);
            assertEquals(List.of(), rows(dataSource, ReportType.PAYMENTS_SUMMARY, Map.of("from", "1999-01-01", "to", "1999-01-02")));
            assertEquals(List.of(
                    List.of("JPY", 1L, 1500L, "1500 JPY", 1L, 1500L, "1500 JPY", 0L, 0L, "0 JPY"),
                    List.of("KWD", 1L, 1250L, "1.250 KWD", 0L, 0L, "0.000 KWD", 1L, 1250L, "1.250 KWD"),
                    List.of("USD", 2L, 1000L, "10.00 USD", 1L, 300L, "3.00 USD", 1L, 700L, "7.00 USD")),
                    rows(dataSource, ReportType.REFUNDS, Map.of()));
            assertEquals(List.of(), rows(dataSource, ReportType.ACCOUNT_BALANCES, Map.of()));
            assertEquals(List.of(), rows(dataSource, ReportType.DEAD_LETTERS, Map.of("state", "waiting")));
        } finally {
            writer.close();
        }
    }
}
