package org.siarchive.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.ser.OffsetDateTimeSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * An {@link OffsetDateTime} in an API answer, written as Jackson writes it by default under the platform's settings:
 * ISO-8601 ({@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}) in the configured time zone (Beijing), seconds always
 * written, the fraction without trailing zeros. Jackson builds a zoned formatter for every value and formats through
 * it generically, which was a fifth of writing a person file of 50 items (issue 20); this writes the same characters
 * by hand. Under any other setting (timestamps, truncation, no explicit zone, a {@code @JsonFormat} on the property)
 * Jackson's own serializer does the work. {@code OffsetTimesTest} compares the two on random instants over the whole
 * range of years and offsets.
 */
final class OffsetTimes extends SimpleModule {

    OffsetTimes() {
        super("siarchive-offset-times");
        addSerializer(OffsetDateTime.class, new Writer());
    }

    static final class Writer extends StdSerializer<OffsetDateTime> {

        private static final OffsetDateTimeSerializer JACKSON = OffsetDateTimeSerializer.INSTANCE;

        Writer() {
            super(OffsetDateTime.class);
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext ctxt, @Nullable BeanProperty property) {
            JsonFormat.Value format = findFormatOverrides(ctxt, property, handledType());
            if (format != null
                    && (format.hasPattern()
                            || format.hasShape()
                            || format.hasTimeZone()
                            || format.hasLocale()
                            || format.hasLenient()
                            || !format.getFeatures().equals(JsonFormat.Features.empty()))) {
                return JACKSON.createContextual(ctxt, property);
            }
            return this;
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext ctxt) {
            if (ctxt.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                    || ctxt.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE)
                    || !ctxt.getConfig().hasExplicitTimeZone()
                    || !ctxt.isEnabled(DateTimeFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)) {
                JACKSON.serialize(value, gen, ctxt);
                return;
            }
            gen.writeString(iso(value, ctxt.getTimeZone().toZoneId()));
        }
    }

    /** The instant in the zone, as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone)} formats it. */
    static String iso(OffsetDateTime value, ZoneId zone) {
        var t = value.atZoneSameInstant(zone);
        var out = new StringBuilder(35);
        int year = t.getYear();
        if (year > 9999) {
            out.append('+').append(year);
        } else if (year < 0) {
            out.append('-');
            pad(out, -year, 4);
        } else {
            pad(out, year, 4);
        }
        out.append('-');
        pad(out, t.getMonthValue(), 2);
        out.append('-');
        pad(out, t.getDayOfMonth(), 2);
        out.append('T');
        pad(out, t.getHour(), 2);
        out.append(':');
        pad(out, t.getMinute(), 2);
        out.append(':');
        pad(out, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano > 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            out.append('.');
            pad(out, nano, digits);
        }
        int offset = t.getOffset().getTotalSeconds();
        if (offset == 0) {
            return out.append('Z').toString();
        }
        int abs = Math.abs(offset);
        out.append(offset < 0 ? '-' : '+');
        pad(out, abs / 3600, 2);
        out.append(':');
        pad(out, abs / 60 % 60, 2);
        if (abs % 60 != 0) {
            out.append(':');
            pad(out, abs % 60, 2);
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
