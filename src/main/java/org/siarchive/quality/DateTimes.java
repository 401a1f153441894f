package org.siarchive.quality;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses the date-times business systems send: with an offset, or local time in China (+08:00). */
public final class DateTimes {

    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private DateTimes() {}

    public static @Nullable OffsetDateTime parse(String value) {
        String s = value.strip();
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T')).atOffset(CHINA);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
