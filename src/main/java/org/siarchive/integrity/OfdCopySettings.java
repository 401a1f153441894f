package org.siarchive.integrity;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.siarchive.shared.ReadableTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When OFD preservation copies are made ({@code siarchive.preservation.ofd-copies.*}, docs/adr/0122): right after each
 * capture ({@code immediate}), or queued in the database and made inside a daily window on the people's clock
 * ({@code deferred}, e.g. 22:00–06:00 Beijing time) by a bounded number of workers, so that bulk intake does not share
 * its cores with copies; {@code off} makes none (the queue is kept). Refused at start-up when malformed.
 */
@Component
class OfdCopySettings {

    /** How copies are scheduled. */
    enum Mode {
        IMMEDIATE,
        DEFERRED,
        OFF
    }

    /** A daily window {@code [start, end)} on the local clock; it may span midnight; start = end is all day. */
    record Window(LocalTime start, LocalTime end) {

        /** "22:00-06:00" (a hyphen or an en dash between the two times). */
        static Window parse(String text) {
            String[] parts = text.strip().split("\\s*[-–]\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "siarchive.preservation.ofd-copies.window must read like 22:00-06:00, not '" + text + "'");
            }
            try {
                return new Window(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "siarchive.preservation.ofd-copies.window must read like 22:00-06:00, not '" + text + "'", e);
            }
        }

        boolean contains(LocalTime t) {
            if (start.equals(end)) {
                return true;
            }
            return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        }

        @Override
        public String toString() {
            return start + "–" + end;
        }
    }

    private final Mode mode;
    private final Window window;
    private final int workers;
    private final int maxAttempts;
    private final ZoneId zone;

    @Autowired
    OfdCopySettings(
            @Value("${siarchive.preservation.ofd-copies.mode:immediate}") String mode,
            @Value("${siarchive.preservation.ofd-copies.window:22:00-06:00}") String window,
            @Value("${siarchive.preservation.ofd-copies.workers:1}") int workers,
            @Value("${siarchive.preservation.ofd-copies.max-attempts:3}") int maxAttempts,
            ReadableTime time) {
        this(parseMode(mode), Window.parse(window), workers, maxAttempts, time.zone());
    }

    OfdCopySettings(Mode mode, Window window, int workers, int maxAttempts, ZoneId zone) {
        if (workers < 1 || workers > 16) {
            throw new IllegalArgumentException("siarchive.preservation.ofd-copies.workers must be 1 to 16");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("siarchive.preservation.ofd-copies.max-attempts must be 1 or more");
        }
        this.mode = mode;
        this.window = window;
        this.workers = workers;
        this.maxAttempts = maxAttempts;
        this.zone = zone;
    }

    private static Mode parseMode(String text) {
        try {
            return Mode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "siarchive.preservation.ofd-copies.mode must be immediate, deferred or off, not '" + text + "'", e);
        }
    }

    Mode mode() {
        return mode;
    }

    Window window() {
        return window;
    }

    int workers() {
        return workers;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Whether queued copies may be made at {@code now}: always when copies are immediate (a queue left from a deferred
     * period is worked off at once), inside the window when deferred, never when off.
     */
    boolean open(Instant now) {
        return switch (mode) {
            case IMMEDIATE -> true;
            case DEFERRED -> window.contains(now.atZone(zone).toLocalTime());
            case OFF -> false;
        };
    }
}
