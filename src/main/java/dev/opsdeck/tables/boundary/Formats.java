package dev.opsdeck.tables.boundary;

import dev.opsdeck.tables.control.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes money, times and durations; all times are UTC and say so. */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public String money(long cents, String currency) {
        return Money.format(cents, currency == null ? "" : currency.trim());
    }

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    public String ago(Instant instant) {
        return instant == null ? "never" : duration(Duration.between(instant, Instant.now())) + " ago";
    }

    public String between(Instant earlier, Instant later) {
        return earlier == null || later == null ? "—" : duration(Duration.between(earlier, later));
    }

    public String duration(Duration duration) {
        long millis = Math.abs(duration.toMillis());
        if (millis < 1_000) {
            return millis + " ms";
        }
        long seconds = millis / 1_000;
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7_200) {
            return seconds / 60 + " min";
        }
        if (seconds < 172_800) {
            return seconds / 3_600 + " h";
        }
        return seconds / 86_400 + " days";
    }
}
