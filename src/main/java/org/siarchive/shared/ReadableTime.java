package org.siarchive.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place where a stored instant becomes the time a person reads: screens, PDF/OFD/Excel documents,
 * CSV exports and watermarks. Time is stored as an instant (timestamptz); the zone people read is one
 * setting, {@code siarchive.time-zone} (default Asia/Shanghai, 北京时间), never the machine's zone, so the
 * same record prints the same time on every server (docs/adr/0035).
 */
@Component
public class ReadableTime {

    public static final String DEFAULT_ZONE = "Asia/Shanghai";
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    @Autowired
    ReadableTime(@Value("${siarchive.time-zone:" + DEFAULT_ZONE + "}") String zone) {
        this(ZoneId.of(zone));
    }

    private ReadableTime(ZoneId zone) {
        this.zone = zone;
    }

    public static ReadableTime of(ZoneId zone) {
        return new ReadableTime(zone);
    }

    /** Beijing time, for tools and tests that run without the application context. */
    public static ReadableTime beijing() {
        return new ReadableTime(ZoneId.of(DEFAULT_ZONE));
    }

    public ZoneId zone() {
        return zone;
    }

    /** A clock that reads now in the people's zone (its instant is the system's). */
    public Clock clock() {
        return Clock.system(zone);
    }

    public ZonedDateTime at(Instant t) {
        return t.atZone(zone);
    }

    public ZonedDateTime at(OffsetDateTime t) {
        return t.atZoneSameInstant(zone);
    }

    public String format(@Nullable OffsetDateTime t, DateTimeFormatter pattern) {
        return t == null ? "" : at(t).format(pattern);
    }

    public String format(@Nullable Instant t, DateTimeFormatter pattern) {
        return t == null ? "" : at(t).format(pattern);
    }

    /** The calendar day on which a person saw {@code t} happen. */
    public LocalDate date(OffsetDateTime t) {
        return at(t).toLocalDate();
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(zone);
    }

    /** The first instant of {@code day} as people count days. */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
