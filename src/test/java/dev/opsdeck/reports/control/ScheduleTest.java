package dev.opsdeck.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

    private static final String BERLIN = "Europe/Berlin";

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void aDailyTimeInTheSpringForwardGapIsSkippedThatDay() {
        Schedule daily = Schedule.parse("30 2 * * *", BERLIN);

        assertEquals(List.of(at("2026-03-28T01:30:00Z"), at("2026-03-30T00:30:00Z"), at("2026-03-31T00:30:00Z")),
                daily.next(at("2026-03-28T00:00:00Z"), 3));
        assertEquals(Optional.of(at("2026-03-28T01:30:00Z")),
                daily.latestDueAtOrBefore(at("2026-03-29T23:00:00Z"), at("2026-03-27T12:00:00Z")));
    }

    @Test
    void aDailyTimeInTheRepeatedFallBackHourRunsOnce() {
        Schedule daily = Schedule.parse("30 2 * * *", BERLIN);

        assertEquals(List.of(at("2026-10-24T00:30:00Z"), at("2026-10-25T00:30:00Z"), at("2026-10-26T01:30:00Z")),
                daily.next(at("2026-10-24T00:00:00Z"), 3));
        assertEquals(Optional.of(at("2026-10-26T01:30:00Z")), daily.nextAfter(at("2026-10-25T00:45:00Z")));
        assertEquals(Optional.of(at("2026-10-26T01:30:00Z")), daily.nextAfter(at("2026-10-25T01:10:00Z")));
        assertEquals(Optional.empty(), daily.latestDueAtOrBefore(at("2026-10-25T01:45:00Z"), at("2026-10-25T00:30:00Z")));
    }

    @Test
    void everyFifteenMinutesFollowsTheWallClockThroughTheFallBackHour() {
        Schedule quarterly = Schedule.parse("*/15 * * * *", BERLIN);

        List<Instant> times = quarterly.next(at("2026-10-25T00:40:00Z"), 3);

        assertEquals(List.of(at("2026-10-25T00:45:00Z"), at("2026-10-25T02:00:00Z"), at("2026-10-25T02:15:00Z")), times);
    }

    @Test
    void everyFifteenMinutesOnAnOrdinaryDay() {
        Schedule quarterly = Schedule.parse("*/15 * * * *", BERLIN);

        assertEquals(List.of(at("2026-11-20T10:15:00Z"), at("2026-11-20T10:30:00Z"), at("2026-11-20T10:45:00Z"),
                at("2026-11-20T11:00:00Z"), at("2026-11-20T11:15:00Z")), quarterly.next(at("2026-11-20T10:07:00Z"), 5));
    }

    @Test
    void weekdaysOnlySkipsTheWeekend() {
        Schedule weekdays = Schedule.parse("0 9 * * 1-5", BERLIN);

        assertEquals(List.of(at("2026-11-23T08:00:00Z"), at("2026-11-24T08:00:00Z")),
                weekdays.next(at("2026-11-20T09:00:00Z"), 2));
    }

    @Test
    void nextGivesStrictlyIncreasingTimes() {
        Schedule schedule = Schedule.parse("0,20,40 */3 * * *", BERLIN);

        List<Instant> times = schedule.next(at("2026-10-24T21:00:00Z"), 5);

        assertEquals(5, times.size());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i).isAfter(times.get(i - 1)), times.toString());
        }
    }

    @Test
    void nextAfterIsStrictlyAfter() {
        Schedule daily = Schedule.parse("0 9 * * *", "UTC");

        assertEquals(Optional.of(at("2026-11-21T09:00:00Z")), daily.nextAfter(at("2026-11-20T09:00:00Z")));
        assertEquals(Optional.of(at("2026-11-21T09:00:00Z")), daily.nextAfter(at("2026-11-20T09:00:00.500Z")));
        assertEquals(Optional.of(at("2026-11-20T09:00:00Z")), daily.nextAfter(at("2026-11-20T08:59:59.999Z")));
    }

    @Test
    void afterDowntimeOnlyTheLatestMissedTimeIsDue() {
        Schedule daily = Schedule.parse("0 9 * * *", "UTC");

        assertEquals(Optional.of(at("2026-11-20T09:00:00Z")),
                daily.latestDueAtOrBefore(at("2026-11-20T12:00:00Z"), at("2026-11-17T09:00:00Z")));
    }

    @Test
    void catchUpWindowIsOpenAtNotBeforeAndClosedAtNow() {
        Schedule daily = Schedule.parse("0 9 * * *", "UTC");

        assertEquals(Optional.of(at("2026-11-20T09:00:00Z")),
                daily.latestDueAtOrBefore(at("2026-11-20T09:00:00Z"), at("2026-11-19T09:00:00Z")));
        assertEquals(Optional.empty(), daily.latestDueAtOrBefore(at("2026-11-20T12:00:00Z"), at("2026-11-20T09:00:00Z")));
        assertEquals(Optional.empty(), daily.latestDueAtOrBefore(at("2026-11-20T08:59:59Z"), at("2026-11-19T09:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30 2 * * *", "0 2 * * *", "*/15 * * * *", "30 * * * *", "30 1-3 * * *", "45 2,3 * * 0"})
    void acrossBothTransitionsEveryDirectionAgreesWithAMinuteByMinuteWalk(String cron) {
        Schedule schedule = Schedule.parse(cron, BERLIN);
        ExecutionTime wallClock = ExecutionTime.forCron(new CronParser(
                CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(cron));
        for (String day : new String[]{"2026-03-28T20:00:00Z", "2026-10-24T20:00:00Z"}) {
            Instant start = at(day);
            Instant end = start.plus(Duration.ofHours(12));
            List<Instant> walked = new ArrayList<>();
            for (Instant minute = start.plusSeconds(60); minute.isBefore(end); minute = minute.plusSeconds(60)) {
                ZonedDateTime local = minute.atZone(ZoneId.of(BERLIN));
                if (local.equals(local.withEarlierOffsetAtOverlap())
                        && wallClock.isMatch(local.toLocalDateTime().atZone(ZoneOffset.UTC))) {
                    walked.add(minute);
                }
            }

            List<Instant> forward = schedule.next(start, walked.size() + 1);
            assertEquals(walked, forward.subList(0, walked.size()), cron + " from " + day);
            assertTrue(!forward.get(walked.size()).isBefore(end), cron + " from " + day);
            for (Instant now = start; now.isBefore(end); now = now.plus(Duration.ofMinutes(5))) {
                Instant current = now;
                Optional<Instant> expected = walked.stream().filter(t -> !t.isAfter(current)).reduce((a, b) -> b);
                assertEquals(expected, schedule.latestDueAtOrBefore(now, start), cron + " at " + now);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 0 * * * *      | cron: expected 5 fields (minute hour day-of-month month day-of-week), got 6",
        "hello            | cron: expected 5 fields (minute hour day-of-month month day-of-week), got 1",
        "61 * * * *       | cron: minute '61': value 61 not in range [0, 59]",
        "0 24 * * *       | cron: hour '24': value 24 not in range [0, 23]",
        "0 0 32 * *       | cron: day-of-month '32': value 32 not in range [1, 31]",
        "0 0 * 13 *       | cron: month '13': value 13 not in range [1, 12]",
        "0 0 * * 8        | cron: day-of-week '8': value 8 not in range [0, 7]",
        "a b c d e        | cron: minute 'a': not a number, range, list or step",
        "0 9 * * MON-FRX  | cron: day-of-week 'MON-FRX': not a number, range, list or step",
        "0 0 31 2 *       | cron: '0 0 31 2 *' matches no date",
    })
    void invalidCronSaysWhichFieldAndWhatIsWrong(String cron, String message) {
        var e = assertThrows(InvalidScheduleException.class, () -> Schedule.parse(cron, BERLIN));
        assertEquals(message, e.getMessage());
        assertEquals("cron", e.field());
    }

    @Test
    void aMissingCronIsRequired() {
        var e = assertThrows(InvalidScheduleException.class, () -> Schedule.parse("  ", BERLIN));
        assertEquals("cron: is required: 5 fields (minute hour day-of-month month day-of-week)", e.getMessage());
    }

    @Test
    void anUnknownTimeZoneIsNamed() {
        var e = assertThrows(InvalidScheduleException.class, () -> Schedule.parse("0 9 * * *", "Europe/Berlinn"));
        assertEquals("time_zone: unknown zone Europe/Berlinn", e.getMessage());
        assertEquals("time_zone", e.field());
    }

    @Test
    void aMissingTimeZoneIsRequired() {
        var e = assertThrows(InvalidScheduleException.class, () -> Schedule.parse("0 9 * * *", null));
        assertEquals("time_zone: is required, e.g. Europe/Berlin or UTC", e.getMessage());
    }

    @Test
    void extraWhitespaceIsTolerated() {
        Schedule schedule = Schedule.parse("  0   9 * *\t1-5 ", " Europe/Berlin ");
        assertEquals("0 9 * * 1-5", schedule.cron());
        assertEquals(BERLIN, schedule.zone().getId());
    }

    @Test
    void aNegativeCountIsRefused() {
        Schedule schedule = Schedule.parse("0 9 * * *", "UTC");
        assertEquals(List.of(), schedule.next(at("2026-11-20T00:00:00Z"), 0));
        assertThrows(IllegalArgumentException.class, () -> schedule.next(at("2026-11-20T00:00:00Z"), -1));
    }
}
