package dev.opsdeck.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    @Test
    void utcFormsOfEveryPrecisionReadAsTheLibraryReadsThem() {
        for (String text : new String[]{"2026-11-20T10:15:30Z", "2026-11-20T10:15:30.1Z", "2026-11-20T10:15:30.123Z",
                "2026-11-20T10:15:30.123456Z", "2026-11-20T10:15:30.123456789Z", "1999-12-31T23:59:59.999Z"}) {
            assertEquals(Instant.parse(text), Rfc3339.parse(text), text);
        }
    }

    @Test
    void offsetsAndLowerCaseFallBackToTheLibrary() {
        assertEquals(Instant.parse("2026-11-20T09:15:30Z"), Rfc3339.parse("2026-11-20T10:15:30+01:00"));
        assertEquals(Instant.parse("2026-11-20T10:15:30Z"), Rfc3339.parse("2026-11-20t10:15:30z"));
    }

    @Test
    void impossibleDatesAndGarbageAreRejected() {
        for (String text : new String[]{"2026-02-30T10:15:30Z", "2026-11-20T25:15:30Z",
                "2026-11-20T10:15:30.1234567890Z", "yesterday", "2026-11-20 10:15:30Z", "2026-1x-20T10:15:30Z"}) {
            assertThrows(DateTimeParseException.class, () -> Rfc3339.parse(text), text);
        }
    }
}
