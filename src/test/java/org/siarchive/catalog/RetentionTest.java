package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void countsFromFirstJanuaryOfTheFollowingYear() {
        assertThat(Retention.start(LocalDate.of(2024, 5, 10))).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(Retention.start(LocalDate.of(2024, 1, 1))).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(Retention.start(LocalDate.of(2024, 12, 31))).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void aThirtyYearTermFormedIn2024EndsAtTheCloseOf2054() {
        var thirty = new Retention("D30", "30年", 30);
        assertThat(thirty.end(LocalDate.of(2024, 5, 10))).isEqualTo(LocalDate.of(2054, 12, 31));
    }

    @Test
    void aHundredYearTermFormedOnALeapDay() {
        var hundred = new Retention("D100", "100年", 100);
        assertThat(hundred.end(LocalDate.of(2020, 2, 29))).isEqualTo(LocalDate.of(2120, 12, 31));
    }

    @Test
    void permanentRetentionNeverEnds() {
        var permanent = new Retention("Y", "永久", null);
        assertThat(permanent.permanent()).isTrue();
        assertThat(permanent.end(LocalDate.of(2024, 5, 10))).isNull();
    }
}
