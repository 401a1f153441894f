package org.siarchive.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What one item adds to the holdings figures, the rule both the in-process ledger and Spark use (ADR 0143). */
class HoldingsClassificationTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final OffsetDateTime LATE = OffsetDateTime.of(2026, 1, 31, 17, 30, 0, 0, ZoneOffset.UTC);

    @Test
    void onlyPreservedItemsOfAFondsWithAnOrganisationAreHeld() {
        assertThat(of("PRESERVED", "/1/2/")).isPresent();
        for (String status : new String[] {"RECEIVING", "QUARANTINED", "DESTROYED"}) {
            assertThat(of(status, "/1/2/")).as(status).isEmpty();
        }
        assertThat(of("PRESERVED", null)).isEmpty();
    }

    @Test
    void theMonthFiledIsReadInThePeoplesZoneAndNullsAndNegativesAreNeutral() {
        var c = of("PRESERVED", "/1/2/").orElseThrow();
        assertThat(c.filedMonth()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(c.insuranceType()).isEmpty();
        assertThat(c.pages()).isZero();
        assertThat(c.bytes()).isEqualTo(5L);
        var utc = HoldingsClassification.of("PRESERVED", "/1/", 2026, "01", "110", "Y", LATE, 3, 5, ZoneOffset.UTC)
                .orElseThrow();
        assertThat(utc.filedMonth()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(utc.insuranceType()).isEqualTo("110");
    }

    private static java.util.Optional<HoldingsClassification.Contribution> of(String status, String org) {
        return HoldingsClassification.of(status, org, 2026, "01", null, "Y", LATE, -4, 5, BEIJING);
    }
}
