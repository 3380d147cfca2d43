package dev.opsdeck.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void aDurationIsIsoOrSecondsAndAWrongOneNamesTheKey() {
        assertEquals(Duration.ofHours(1), Durations.parse("notifications.quiet-period", "PT1H"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("notifications.quiet-period", "90"));
        InvalidConfigurationException wrong = assertThrows(InvalidConfigurationException.class,
                () -> Durations.parse("notifications.check-interval", "soon"));
        assertTrue(wrong.getMessage().contains("notifications.check-interval"), wrong.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> Durations.parse("notifications.quiet-period", "PT0S"));
    }

    @Test
    void durationsReadAsHoursMinutesOrSeconds() {
        assertEquals("1 h", Durations.words(Duration.ofHours(1)));
        assertEquals("90 min", Durations.words(Duration.ofMinutes(90)));
        assertEquals("45 s", Durations.words(Duration.ofSeconds(45)));
    }
}
