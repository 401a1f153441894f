package org.siarchive.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/** Formatting helpers for the console's templates ({@code ${@fmt.dateTime(x)}}): China time, sizes. */
@Component("fmt")
public class ConsoleFormats {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ReadableTime time;

    ConsoleFormats(ReadableTime time) {
        this.time = time;
    }

    public String dateTime(@Nullable OffsetDateTime t) {
        return time.format(t, ReadableTime.MINUTES);
    }

    /** A database timestamp read as a plain row value (java.sql.Timestamp). */
    public String dateTime(java.util.@Nullable Date t) {
        return t == null ? "" : time.format(t.toInstant(), ReadableTime.MINUTES);
    }

    public String date(@Nullable LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** Now in China time, as a datetime-local input value. */
    public String nowInput() {
        return time.now().format(INPUT);
    }

    public String today() {
        return time.today().toString();
    }

    public String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
