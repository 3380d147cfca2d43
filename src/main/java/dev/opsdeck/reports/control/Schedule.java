package dev.opsdeck.reports.control;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A five-field UNIX cron expression read in a time zone. Due times are local wall-clock times: one that a
 * spring-forward gap removes is skipped, one that a fall-back repeats is due once, at its first occurrence.
 */
public final class Schedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final List<String> FIELDS = List.of("minute", "hour", "day-of-month", "month", "day-of-week");
    // cron-utils sees local times in a zone without transitions: its own handling of a repeated hour differs between
    // nextExecution and lastExecution, and lands on the second occurrence after a day change.
    private static final ZoneId WALL_CLOCK = ZoneOffset.UTC;
    // After a fall-back the local clock reads up to this much less than at a repeated hour's first pass.
    private static final Duration LONGEST_REPEAT = Duration.ofHours(2);
    private static final String EXPECTED = FIELDS.size() + " fields (" + String.join(" ", FIELDS) + ")";

    private final String cron;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private Schedule(String cron, ZoneId zone, ExecutionTime executionTime) {
        this.cron = cron;
        this.zone = zone;
        this.executionTime = executionTime;
    }

    public static Schedule parse(String cron, String timeZone) {
        String expression = cron == null ? "" : cron.trim().replaceAll("\\s+", " ");
        ZoneId zone = zone(timeZone);
        Schedule schedule = new Schedule(expression, zone, ExecutionTime.forCron(readCron(expression)));
        if (schedule.nextAfter(Instant.now()).isEmpty()) {
            throw new InvalidScheduleException("cron", "'" + expression + "' matches no date");
        }
        return schedule;
    }

    public String cron() {
        return cron;
    }

    public ZoneId zone() {
        return zone;
    }

    public Optional<Instant> nextAfter(Instant t) {
        LocalDateTime cursor = LocalDateTime.ofInstant(t, zone);
        while (true) {
            Optional<LocalDateTime> due = executionTime.nextExecution(cursor.atZone(WALL_CLOCK))
                    .map(ZonedDateTime::toLocalDateTime);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            Optional<Instant> instant = instant(due.get());
            if (instant.isPresent() && instant.get().isAfter(t)) {
                return instant;
            }
            cursor = due.get();
        }
    }

    public List<Instant> next(Instant from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        List<Instant> times = new ArrayList<>(count);
        Instant cursor = from;
        while (times.size() < count) {
            Optional<Instant> due = nextAfter(cursor);
            if (due.isEmpty()) {
                break;
            }
            times.add(due.get());
            cursor = due.get();
        }
        return times;
    }

    /** The latest due time in (notBefore, now]: after downtime a report catches up once, not once per missed time. */
    public Optional<Instant> latestDueAtOrBefore(Instant now, Instant notBefore) {
        LocalDateTime cursor = LocalDateTime.ofInstant(now, zone).plus(LONGEST_REPEAT)
                .truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        while (true) {
            Optional<LocalDateTime> due = executionTime.lastExecution(cursor.atZone(WALL_CLOCK))
                    .map(ZonedDateTime::toLocalDateTime);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            Optional<Instant> instant = instant(due.get());
            if (instant.isPresent() && !instant.get().isAfter(notBefore)) {
                return Optional.empty();
            }
            if (instant.isPresent() && !instant.get().isAfter(now)) {
                return instant;
            }
            cursor = due.get();
        }
    }

    private Optional<Instant> instant(LocalDateTime wallClock) {
        if (zone.getRules().getValidOffsets(wallClock).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(wallClock.atZone(zone).toInstant());
    }

    private static Cron readCron(String expression) {
        if (expression.isEmpty()) {
            throw new InvalidScheduleException("cron", "is required: " + EXPECTED);
        }
        String[] fields = expression.split(" ");
        if (fields.length != FIELDS.size()) {
            throw new InvalidScheduleException("cron", "expected " + EXPECTED + ", got " + fields.length);
        }
        try {
            return PARSER.parse(expression).validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException("cron", culprit(fields) + problem(e));
        }
    }

    private static String culprit(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            String[] alone = {"*", "*", "*", "*", "*"};
            alone[i] = fields[i];
            try {
                PARSER.parse(String.join(" ", alone));
            } catch (IllegalArgumentException e) {
                return FIELDS.get(i) + " '" + fields[i] + "': ";
            }
        }
        return "";
    }

    private static String problem(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage()).replace("Failed to parse cron expression. ", "");
        if (message.startsWith("Invalid chars")) {
            return "not a number, range, list or step";
        }
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            throw new InvalidScheduleException("time_zone", "is required, e.g. Europe/Berlin or UTC");
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new InvalidScheduleException("time_zone", "unknown zone " + timeZone.trim());
        }
    }

    @Override
    public String toString() {
        return cron + " " + zone;
    }
}
