package org.siarchive.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.CreditCode;

class DemoDataTest {

    private final java.util.List<DemoRecord> records = new DemoData(7L, "0001").generate(200);

    @Test
    void everyIdNumberAndCreditCodePassesItsChecksum() {
        assertThat(records).allSatisfy(r -> {
            var s = r.submission();
            if (s.person() != null) {
                assertThat(CitizenIdNumber.isValid(s.person().certNo()))
                        .as(s.person().certNo())
                        .isTrue();
            }
            assertThat(CreditCode.isValid(s.employer().creditCode()))
                    .as(s.employer().creditCode())
                    .isTrue();
        });
    }

    @Test
    void eachPersonsHistoryIsInBusinessTimeOrderAndStartsWithEnrolment() {
        var byPerson = records.stream()
                .filter(r -> r.submission().person() != null)
                .collect(Collectors.groupingBy(
                        r -> r.submission().person().certNo(), java.util.LinkedHashMap::new, Collectors.toList()));
        // 200 persons, and four enrolled in 2011 whose benefits of 2014–2015 are due for appraisal (issue 16)
        assertThat(byPerson).hasSize(204);
        byPerson.values().forEach(history -> {
            assertThat(history.get(0).submission().businessStep()).isEqualTo("GRCB");
            for (int i = 1; i < history.size(); i++) {
                var before =
                        OffsetDateTime.parse(history.get(i - 1).submission().handledAt());
                var after = OffsetDateTime.parse(history.get(i).submission().handledAt());
                assertThat(after.toLocalDate()).isAfterOrEqualTo(before.toLocalDate());
            }
        });
    }

    @Test
    void everyRecordCarriesOnePagePerMaterialAndUniqueAcceptanceNumbers() {
        assertThat(records).allSatisfy(r -> assertThat(r.pages())
                .hasSameSizeAs(r.submission().files()));
        assertThat(records.stream().map(r -> r.submission().acceptanceNo())).doesNotHaveDuplicates();
        assertThat(records.stream().map(r -> r.submission().businessStep()).distinct())
                .contains("DWDJ", "JFHD", "GRCB", "ZYJX", "SYBA", "SYHD", "TXSL", "DYHD");
    }

    @Test
    void someTenYearTermsHaveAlreadyEnded() {
        assertThat(records)
                .filteredOn(r -> r.submission().businessStep().equals("SYHD")
                        && r.submission().docDate().compareTo("2015-12-31") <= 0)
                .hasSizeGreaterThanOrEqualTo(4);
    }
}
