package dev.opsdeck.records.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListStateTest {

    @Test
    void emptyQueryStringIsTheDefaultList() {
        ListState state = ListState.parse(ReadModelTable.ACCOUNTS, "");
        assertEquals(ListState.defaults(ReadModelTable.ACCOUNTS), state);
        assertEquals("synced", state.sort());
        assertTrue(state.descending());
        assertFalse(state.filtered());
    }

    @Test
    void queryStringRoundTripsEveryPart() {
        String query = "status=active%2Cfrozen&currency=EUR&from=2026-01-01&to=2026-02-01&q=ab12cd&sort=balance&dir=asc"
                + "&page=7&size=50&cols=id%2Cbalance";
        ListState state = ListState.parse(ReadModelTable.ACCOUNTS, query);
        assertEquals(Set.of("active", "frozen"), state.statuses());
        assertEquals(LocalDate.parse("2026-02-01"), state.createdTo());
        assertEquals(300, state.offset());
        assertEquals(List.of("id", "balance"), state.columns());
        assertEquals(query, state.toQueryString());
        assertEquals(state, ListState.parse(ReadModelTable.ACCOUNTS, state.toQueryString()));
    }

    @Test
    void savedViewKeepsFiltersSortAndColumnsButNotPaging() {
        ListState state = ListState.parse(ReadModelTable.PAYMENTS, "status=settled&sort=amount&page=9&size=100&cols=id,amount");
        assertEquals("status=settled&sort=amount&dir=desc&cols=id%2Camount", state.viewQueryString());
    }

    @Test
    void badValuesAreRefusedNamingTheParameter() {
        assertMessage("sort must be one of", "sort=password");
        assertMessage("currency 'euro' is not valid", "currency=euro");
        assertMessage("from 'yesterday' is not a date", "from=yesterday");
        assertMessage("to (2026-01-01) is before from (2026-02-01)", "from=2026-02-01&to=2026-01-01");
        assertMessage("size must be one of [20, 50, 100]", "size=30");
        assertMessage("page must be between 1 and", "page=0");
        assertMessage("q searches by an id", "q=robert'); drop table");
        assertMessage("cols: unknown column 'secret'", "cols=id,secret");
        assertMessage("dir must be asc or desc", "dir=up");
    }

    @Test
    void pagingFollowsTheTableAndSortingStartsOver() {
        ListState state = ListState.defaults(ReadModelTable.ACCOUNTS).withPaging(100, 50);
        assertEquals(3, state.page());
        assertEquals(1, state.withSort("balance", false).page());
    }

    private static void assertMessage(String expected, String query) {
        ListState.InvalidListState refused = assertThrows(ListState.InvalidListState.class,
                () -> ListState.parse(ReadModelTable.ACCOUNTS, query));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
