package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.siarchive.integrity.OfdCopySettings.Mode;
import org.siarchive.integrity.OfdCopySettings.Window;

/** When queued OFD copies may be made: the window on Beijing time, across midnight, per mode. */
class OfdCopySettingsTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static java.time.Instant beijing(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 30, hour, minute, 0, 0, BEIJING).toInstant();
    }

    @Test
    void aWindowAcrossMidnightIncludesItsStartAndExcludesItsEnd() {
        var w = Window.parse("22:00-06:00");
        assertThat(w.contains(LocalTime.of(22, 0))).isTrue();
        assertThat(w.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(w.contains(LocalTime.of(0, 0))).isTrue();
        assertThat(w.contains(LocalTime.of(5, 59, 59))).isTrue();
        assertThat(w.contains(LocalTime.of(6, 0))).isFalse();
        assertThat(w.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(w.contains(LocalTime.of(21, 59, 59))).isFalse();
    }

    @Test
    void aWindowWithinOneDayAndAnAllDayWindow() {
        var noon = Window.parse("12:00 – 13:30");
        assertThat(noon.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(noon.contains(LocalTime.of(13, 30))).isFalse();
        assertThat(noon.contains(LocalTime.of(23, 0))).isFalse();
        var allDay = Window.parse("00:00-00:00");
        assertThat(allDay.contains(LocalTime.of(15, 17))).isTrue();
    }

    @Test
    void deferredCopiesAreMadeOnlyInsideTheWindowOnBeijingTimeImmediateAlwaysOffNever() {
        var window = Window.parse("22:00-06:00");
        var deferred = new OfdCopySettings(Mode.DEFERRED, window, 1, 3, BEIJING);
        // 23:00 Beijing is 15:00 UTC: the window is read on the people's clock, not the machine's
        assertThat(deferred.open(beijing(23, 0))).isTrue();
        assertThat(deferred.open(beijing(3, 0))).isTrue();
        assertThat(deferred.open(beijing(9, 0))).isFalse();
        assertThat(deferred.open(ZonedDateTime.of(2026, 11, 30, 23, 0, 0, 0, ZoneId.of("UTC"))
                        .toInstant()))
                .as("23:00 UTC is 07:00 in Beijing")
                .isFalse();
        assertThat(new OfdCopySettings(Mode.IMMEDIATE, window, 1, 3, BEIJING).open(beijing(9, 0)))
                .isTrue();
        assertThat(new OfdCopySettings(Mode.OFF, window, 1, 3, BEIJING).open(beijing(23, 0)))
                .isFalse();
    }

    @Test
    void malformedSettingsRefuseToStart() {
        var time = org.siarchive.shared.ReadableTime.beijing();
        assertThatThrownBy(() -> new OfdCopySettings("later", "22:00-06:00", 1, 3, time))
                .hasMessageContaining("immediate, deferred or off");
        assertThatThrownBy(() -> new OfdCopySettings("deferred", "22:00", 1, 3, time))
                .hasMessageContaining("22:00-06:00");
        assertThatThrownBy(() -> new OfdCopySettings("deferred", "25:00-06:00", 1, 3, time))
                .hasMessageContaining("22:00-06:00");
        assertThatThrownBy(() -> new OfdCopySettings("deferred", "22:00-06:00", 0, 3, time))
                .hasMessageContaining("workers");
        assertThatThrownBy(() -> new OfdCopySettings("deferred", "22:00-06:00", 1, 0, time))
                .hasMessageContaining("max-attempts");
        assertThat(new OfdCopySettings(" Deferred ", "22:00-06:00", 2, 3, time).mode())
                .isEqualTo(Mode.DEFERRED);
    }
}
