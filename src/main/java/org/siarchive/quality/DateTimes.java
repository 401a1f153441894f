package org.siarchive.quality;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the date-times business systems send: with an offset, or local time in the zone people read
 * (siarchive.time-zone, Beijing by default).
 */
public final class DateTimes {

    private DateTimes() {}

    public static @Nullable OffsetDateTime parse(String value, ZoneId localZone) {
        String s = value.strip();
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T'))
                        .atZone(localZone)
                        .toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
