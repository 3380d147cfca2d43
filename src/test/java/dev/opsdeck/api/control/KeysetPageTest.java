package dev.opsdeck.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetPageTest {

    @Test
    void theExtraRowOnlyTellsThatANextPageExists() {
        KeysetPage<Long> page = KeysetPage.of(List.of(7L, 8L, 9L), 2, row -> row);
        assertEquals(List.of(7L, 8L), page.items());
        assertEquals(Optional.of(8L), KeysetCursor.number(page.nextCursor()));
    }

    @Test
    void theLastPageHasNoCursor() {
        KeysetPage<Long> page = KeysetPage.of(List.of(7L, 8L), 2, row -> row);
        assertEquals(List.of(7L, 8L), page.items());
        assertNull(page.nextCursor());
        assertNull(KeysetPage.of(List.<Long>of(), 2, row -> row).nextCursor());
    }

    @Test
    void mappingKeepsTheCursor() {
        KeysetPage<String> page = KeysetPage.of(List.of(1L, 2L), 1, row -> row).map(row -> "row " + row);
        assertEquals(List.of("row 1"), page.items());
        assertEquals(Optional.of(1L), KeysetCursor.number(page.nextCursor()));
    }

    @Test
    void cursorsAreTheBase64urlOfThePositionAsTheApiHandedThemOut() {
        UUID id = UUID.fromString("6f1c2a44-0000-4000-8000-000000000001");
        assertEquals("NmYxYzJhNDQtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAx", KeysetCursor.after(id));
        assertEquals(Optional.of(id), KeysetCursor.uuid(KeysetCursor.after(id)));
        KeysetCursor.TimeAndId position = new KeysetCursor.TimeAndId(Instant.parse("2026-11-01T10:15:30.123456Z"), id);
        assertEquals("2026-11-01T10:15:30.123456Z_" + id, position.toString());
        assertEquals(Optional.of(position), KeysetCursor.timeAndId(KeysetCursor.after(position)));
        assertEquals(Optional.empty(), KeysetCursor.uuid(null));
        assertEquals(Optional.empty(), KeysetCursor.number(""));
    }

    @Test
    void aCursorThisApiDidNotHandOutIsRefused() {
        assertThrows(KeysetCursor.NotACursorException.class, () -> KeysetCursor.number("%%%"));
        assertThrows(KeysetCursor.NotACursorException.class, () -> KeysetCursor.uuid(KeysetCursor.after(42L)));
        assertThrows(KeysetCursor.NotACursorException.class, () -> KeysetCursor.timeAndId(KeysetCursor.after("not-a-cursor")));
        assertThrows(KeysetCursor.NotACursorException.class,
                () -> KeysetCursor.timeAndId(KeysetCursor.after("2026-11-01T00:00:00Z_not-a-uuid")));
    }
}
