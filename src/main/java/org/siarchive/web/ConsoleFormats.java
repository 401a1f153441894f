package org.siarchive.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Formatting helpers for the console's templates ({@code ${@fmt.dateTime(x)}}): China time, sizes. */
@Component("fmt")
public class ConsoleFormats {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public String dateTime(@Nullable OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(CHINA).format(DATE_TIME);
    }

    /** A database timestamp read as a plain row value (java.sql.Timestamp). */
    public String dateTime(java.util.@Nullable Date t) {
        return t == null ? "" : t.toInstant().atZone(CHINA).format(DATE_TIME);
    }

    public String date(@Nullable LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** Now in China time, as a datetime-local input value. */
    public String nowInput() {
        return OffsetDateTime.now(CHINA).format(INPUT);
    }

    public String today() {
        return LocalDate.now(CHINA).toString();
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
