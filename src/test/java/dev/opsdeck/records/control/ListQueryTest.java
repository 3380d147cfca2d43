package dev.opsdeck.records.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.records.entity.ListState;
import dev.opsdeck.records.entity.ReadModelTable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    @Test
    void pageReadsKeysInIndexOrderThenFetchesOnlyThatPage() {
        ListQuery query = ListQuery.of(ReadModelTable.ACCOUNTS, ListState.parse(ReadModelTable.ACCOUNTS, "sort=balance&dir=asc"));
        assertEquals("SELECT t.* FROM (SELECT account_id AS page_key FROM accounts_read ORDER BY balance_cents ASC, account_id ASC "
                + "LIMIT ? OFFSET ?) k JOIN accounts_read t ON t.account_id = k.page_key ORDER BY t.balance_cents ASC, t.account_id ASC",
                query.pageSql());
        assertEquals(List.of(), query.parameters());
    }

    @Test
    void filtersBecomeParametersNeverSqlText() {
        ListQuery query = ListQuery.of(ReadModelTable.PAYMENTS,
                ListState.parse(ReadModelTable.PAYMENTS, "status=settled,failed&currency=EUR&from=2026-01-01&to=2026-01-31"));
        assertTrue(query.allSql().contains("WHERE status IN (?, ?) AND currency IN (?) AND created_at >= ? AND created_at < ?"),
                query.allSql());
        assertEquals(List.of("failed", "settled", "EUR", OffsetDateTime.parse("2026-01-01T00:00Z"),
                OffsetDateTime.parse("2026-02-01T00:00Z")), query.parameters());
    }

    @Test
    void wholeIdSearchesBothIdColumnsExactly() {
        UUID id = UUID.randomUUID();
        ListQuery query = ListQuery.of(ReadModelTable.ACCOUNTS, ListState.parse(ReadModelTable.ACCOUNTS, "q=" + id));
        assertTrue(query.allSql().contains("(account_id = ? OR owner_id = ?)"));
        assertEquals(List.of(id, id), query.parameters());
    }

    @Test
    void idPrefixBecomesAKeyRangeSoAnIndexServesIt() {
        ListQuery query = ListQuery.of(ReadModelTable.PAYMENTS, ListState.parse(ReadModelTable.PAYMENTS, "q=AB12-cd"));
        assertTrue(query.allSql().contains("(payment_id BETWEEN ? AND ? OR account_id BETWEEN ? AND ?)"));
        assertEquals(UUID.fromString("ab12cd00-0000-0000-0000-000000000000"), query.parameters().get(0));
        assertEquals(UUID.fromString("ab12cdff-ffff-ffff-ffff-ffffffffffff"), query.parameters().get(1));
    }

    @Test
    void tooShortPrefixIsRefused() {
        assertThrows(ListState.InvalidListState.class,
                () -> ListQuery.of(ReadModelTable.ACCOUNTS, ListState.parse(ReadModelTable.ACCOUNTS, "q=ab1")));
    }
}
