package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;

/** The watermark names the reader's time as people read it (北京时间), whatever zone the server runs in. */
class WatermarkTextTest {

    @BeforeAll
    static void machineRunsInUtc() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @Test
    void watermarkShowsTheViewingTimeInBeijingTime() {
        // given a page viewed at 12:55 UTC, as the database clock hands it back
        var reader = new Actor("reader", "10.0.0.7", "browser");
        var at = OffsetDateTime.parse("2026-11-28T12:55:31Z");

        // when its watermark text is built
        var text = WatermarkText.of(reader, at, 42, "0001-SB·2024-D100-01·GRCB-0001", false, ReadableTime.beijing());

        // then it reads 20:55 Beijing time, with the reader, address, request and item
        assertThat(text.first()).isEqualTo("reader  2026-11-28 20:55:31  10.0.0.7");
        assertThat(text.second()).isEqualTo("利用单 42  0001-SB·2024-D100-01·GRCB-0001  仅供查阅");
    }

    @Test
    void watermarkFollowsTheConfiguredZone() {
        var at = OffsetDateTime.parse("2026-11-28T12:55:31Z");

        var text = WatermarkText.of(
                new Actor("reader", "10.0.0.7", "browser"),
                at,
                42,
                "X",
                true,
                ReadableTime.of(java.time.ZoneId.of("Asia/Urumqi")));

        assertThat(text.first()).contains("2026-11-28 18:55:31");
        assertThat(text.second()).endsWith("打印件");
    }
}
