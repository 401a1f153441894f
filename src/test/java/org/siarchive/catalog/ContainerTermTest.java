package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The end-date rule of volumes and boxes (docs/adr/0064). */
class ContainerTermTest {

    private static Optional<LocalDate> d(int y, int m, int day) {
        return Optional.of(LocalDate.of(y, m, day));
    }

    @Test
    void aVolumesOwnTermCountsFromTheYearAfterItsYear() {
        assertThat(ContainerTerm.ownEnd(2014, 10)).contains(LocalDate.of(2024, 12, 31));
        assertThat(ContainerTerm.ownEnd(2014, null)).isEmpty();
    }

    @Test
    void aVolumeEndsWithItsLatestItem() {
        assertThat(ContainerTerm.volumeEnd(2014, 10, List.of(d(2024, 12, 31), d(2025, 12, 31))))
                .contains(LocalDate.of(2025, 12, 31));
        assertThat(ContainerTerm.volumeEnd(2014, 10, List.of())).contains(LocalDate.of(2024, 12, 31));
        assertThat(ContainerTerm.volumeEnd(2014, 10, List.of(d(2020, 12, 31)))).contains(LocalDate.of(2024, 12, 31));
    }

    @Test
    void aPermanentVolumeOrMemberKeepsItForever() {
        assertThat(ContainerTerm.volumeEnd(2014, null, List.of(d(2024, 12, 31))))
                .isEmpty();
        assertThat(ContainerTerm.volumeEnd(2014, 10, List.of(d(2024, 12, 31), Optional.empty())))
                .isEmpty();
    }

    @Test
    void aBoxEndsWithItsLatestMemberAndAnEmptyBoxNever() {
        assertThat(ContainerTerm.boxEnd(List.of(d(2024, 12, 31), d(2026, 12, 31))))
                .contains(LocalDate.of(2026, 12, 31));
        assertThat(ContainerTerm.boxEnd(List.of(d(2024, 12, 31), Optional.empty())))
                .isEmpty();
        assertThat(ContainerTerm.boxEnd(List.of())).isEmpty();
    }
}
