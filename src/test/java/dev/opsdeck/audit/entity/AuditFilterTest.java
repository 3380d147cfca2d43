package dev.opsdeck.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void readsTheQueryParametersAndWritesThemBack() {
        Map<String, String> query = Map.of("actor", " admin ", "action", "user.created", "target", "vera",
                "from", "2026-11-01", "to", "2026-11-30");
        AuditFilter filter = AuditFilter.from(query::get);
        assertEquals("admin", filter.actor());
        assertEquals(LocalDate.of(2026, 11, 30), filter.to());
        assertEquals(Map.of("actor", "admin", "action", "user.created", "target", "vera", "from", "2026-11-01",
                "to", "2026-11-30"), filter.parameters());
    }

    @Test
    void blankParametersMeanAny() {
        AuditFilter filter = AuditFilter.from(Map.of("actor", " ", "action", "")::get);
        assertNull(filter.actor());
        assertNull(filter.action());
        assertEquals("no filter", filter.describe());
    }

    @Test
    void refusesAnEndBeforeTheStartAndAMalformedDate() {
        IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class,
                () -> AuditFilter.from(Map.of("from", "2026-11-30", "to", "2026-11-01")::get));
        assertEquals("The end date 2026-11-01 is before the start date 2026-11-30", reversed.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> AuditFilter.from(Map.of("from", "30.11.2026")::get));
        assertEquals("from is not a date like 2026-11-01: 30.11.2026", malformed.getMessage());
    }
}
