package org.siarchive.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.CitizenIdNumber;

class DemoReferenceDataTest {

    private final LocalDate today = LocalDate.of(2026, 11, 30);

    @Test
    void threeRetireesOfTheDemoCountiesWerePaidAfterTheirDeathAndOneWasNot() {
        var records = new DemoData(20240510L, "0001").generate(30);
        var lists = DemoReferenceData.of(records, today);
        List<String> benefits = lines(lists.benefits());
        List<String> deaths = lines(lists.deaths());
        assertThat(benefits.get(0)).startsWith("公民身份号码,姓名,险种类型,");
        assertThat(benefits).hasSize(lists.recipients() + 1);
        assertThat(lists.recipients()).isGreaterThanOrEqualTo(4);
        assertThat(lists.paidAfterDeath()).hasSize(3);
        assertThat(lists.asOf()).isEqualTo(LocalDate.of(2026, 11, 1));
        for (String cert : lists.paidAfterDeath()) {
            var paid = row(benefits, cert);
            var death = row(deaths, cert);
            assertThat(CitizenIdNumber.isValid(cert)).isTrue();
            assertThat(paid[7]).isIn("CD-JJ", "CD-QY");
            assertThat(LocalDate.parse(death[2]))
                    .isBefore(LocalDate.parse(paid[6]).minusMonths(3));
            assertThat(LocalDate.parse(death[2])).isAfter(LocalDate.parse(paid[3]));
        }
        // the near miss died after the last payment; the stranger drew no pension
        assertThat(deaths).hasSize(1 + 5);
        var nearMiss = deaths.get(4).split(",");
        assertThat(LocalDate.parse(nearMiss[2])).isAfter(LocalDate.parse(row(benefits, nearMiss[0])[6]));
        assertThat(benefits).noneMatch(l -> l.startsWith(deaths.get(5).split(",")[0]));
    }

    private static List<String> lines(byte[] csv) {
        return Arrays.asList(new String(csv, StandardCharsets.UTF_8).split("\n"));
    }

    private static String[] row(List<String> lines, String cert) {
        return lines.stream()
                .filter(l -> l.startsWith(cert + ","))
                .findFirst()
                .orElseThrow()
                .split(",");
    }
}
