package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

/** The fixity schedule's cron is read on the people's clock, not the server's. */
class SweepScheduleTest {

    @Test
    void oneOClockOnSundayIsOneOClockBeijingTimeOnAUtcServer() {
        // given the default schedule and a server whose zone is UTC
        var cron = CronExpression.parse("0 0 1 * * SUN");
        var saturdayNoonUtc = Instant.parse("2026-11-28T12:00:00Z");

        // when the next sweep is computed in Beijing time
        var due = SweepSchedule.due(cron, saturdayNoonUtc, ZoneId.of("Asia/Shanghai"));

        // then it is Sunday 01:00 Beijing, i.e. Saturday 17:00 UTC
        assertThat(due).isEqualTo(Instant.parse("2026-11-28T17:00:00Z"));
    }
}
