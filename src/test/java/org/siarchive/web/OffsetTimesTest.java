package org.siarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@link OffsetTimes} writes what Jackson's own serializer writes, character for character. */
class OffsetTimesTest {

    record Stamp(OffsetDateTime at) {}

    record Patterned(@JsonFormat(pattern = "yyyy/MM/dd HH:mm") OffsetDateTime at) {}

    private static final List<String> ZONES =
            List.of("Asia/Shanghai", "UTC", "America/St_Johns", "Asia/Kathmandu", "Pacific/Kiritimati", "Europe/Paris");

    private static JsonMapper mapper(String zone, boolean ours) {
        var b = JsonMapper.builder().defaultTimeZone(TimeZone.getTimeZone(zone));
        if (ours) {
            b.addModule(new OffsetTimes());
        }
        return b.build();
    }

    @Test
    void randomInstantsOverTheWholeRangeAreWrittenAsJacksonWritesThem() {
        var random = new Random(20_261_201L);
        long min = OffsetDateTime.parse("-4712-01-01T00:00:00Z").toEpochSecond();
        long max = OffsetDateTime.parse("+294276-12-31T23:59:59Z").toEpochSecond();
        for (String zone : ZONES) {
            var jackson = mapper(zone, false);
            var ours = mapper(zone, true);
            var values = new ArrayList<Stamp>();
            for (int i = 0; i < 5_000; i++) {
                long second = i % 2 == 0
                        ? min + (long) (random.nextDouble() * (max - min))
                        // most stored times: 1900 to 2100, where Beijing's offset had seconds before 1901
                        : -2_208_988_800L + (long) (random.nextDouble() * 6_311_433_600L);
                int nano =
                        switch (i % 5) {
                            case 0 -> 0;
                            case 1 -> random.nextInt(1_000) * 1_000_000;
                            case 2 -> random.nextInt(1_000_000) * 1_000;
                            case 3 -> random.nextInt(10) * 100_000_000;
                            default -> random.nextInt(1_000_000_000);
                        };
                var offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800 + (i % 7 == 0 ? 43 : 0));
                values.add(new Stamp(OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano), offset)));
            }
            values.add(new Stamp(OffsetDateTime.parse("1900-01-01T00:00:00+08:05:43")));
            values.add(new Stamp(OffsetDateTime.parse("2026-12-01T00:00:00Z")));
            values.add(new Stamp(OffsetDateTime.parse("0000-06-15T12:30:00Z")));
            values.add(new Stamp(OffsetDateTime.parse("-0001-06-15T12:30:00Z")));
            values.add(new Stamp(OffsetDateTime.parse("0001-01-01T00:00:00Z")));
            values.add(new Stamp(OffsetDateTime.parse("9999-12-31T23:59:59.999999999Z")));
            values.add(new Stamp(OffsetDateTime.parse("+10000-01-01T00:00:00Z")));
            assertThat(ours.writeValueAsString(values)).as(zone).isEqualTo(jackson.writeValueAsString(values));
        }
    }

    @Test
    void theFastPathIsTakenUnderThePlatformsSettings() {
        var value = OffsetDateTime.parse("2026-12-01T04:05:00.120Z");
        assertThat(OffsetTimes.iso(value, ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-12-01T12:05:00.12+08:00");
        assertThat(mapper("Asia/Shanghai", true).writeValueAsString(new Stamp(value)))
                .isEqualTo("{\"at\":\"2026-12-01T12:05:00.12+08:00\"}");
    }

    @Test
    void otherSettingsAndFormatsAreLeftToJackson() {
        var value = new Stamp(OffsetDateTime.parse("2026-12-01T04:05:06.789123Z"));
        var patterned = new Patterned(value.at());
        for (var feature :
                List.of(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE)) {
            var jackson =
                    mapper("Asia/Shanghai", false).rebuild().enable(feature).build();
            var ours = mapper("Asia/Shanghai", true).rebuild().enable(feature).build();
            assertThat(ours.writeValueAsString(value)).isEqualTo(jackson.writeValueAsString(value));
        }
        var noZone = JsonMapper.builder().build();
        var noZoneOurs = JsonMapper.builder().addModule(new OffsetTimes()).build();
        assertThat(noZoneOurs.writeValueAsString(value)).isEqualTo(noZone.writeValueAsString(value));
        assertThat(mapper("Asia/Shanghai", true).writeValueAsString(patterned))
                .isEqualTo(mapper("Asia/Shanghai", false).writeValueAsString(patterned))
                .contains("2026/12/01");
    }
}
