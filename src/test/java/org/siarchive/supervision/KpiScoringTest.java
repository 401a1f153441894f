package org.siarchive.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.analytics.UnitFigures;
import org.siarchive.shared.InvalidInputException;

/** The scoring rule of docs/adr/0092, the periods and the parsing of scores, without the application. */
class KpiScoringTest {

    @Test
    void aShareEarnsItsWeightTimesValueOverTargetCappedAtTheWeight() {
        assertThat(KpiScoring.score(InspectionKpi.COMPLETENESS, 0.475, 0.95, 10))
                .isCloseTo(5.0, within());
        assertThat(KpiScoring.score(InspectionKpi.COMPLETENESS, 1.0, 0.95, 10)).isCloseTo(10.0, within());
        assertThat(KpiScoring.score(InspectionKpi.COMPLETENESS, 0.0, 0.95, 10)).isCloseTo(0.0, within());
    }

    @Test
    void approvalHoursEarnTheWeightAtOrUnderTheTargetAndTargetOverValueAbove() {
        assertThat(KpiScoring.score(InspectionKpi.TURNAROUND, 12.0, 48, 7)).isCloseTo(7.0, within());
        assertThat(KpiScoring.score(InspectionKpi.TURNAROUND, 96.0, 48, 7)).isCloseTo(3.5, within());
    }

    @Test
    void nothingMeasuredScoresNothingAndIsLeftOutOfTheTotal() {
        assertThat(KpiScoring.score(InspectionKpi.FIXITY, null, 0.99, 8)).isNull();
        double total = KpiScoring.total(List.of(
                new KpiScoring.Scored(10, 5.0), new KpiScoring.Scored(10, null), new KpiScoring.Scored(20, 20.0)));
        // 25 of the 30 measured points, scaled to the 40 of the plan
        assertThat(total).isCloseTo(25.0 / 30 * 40, within());
        assertThat(KpiScoring.total(List.of(new KpiScoring.Scored(10, null)))).isZero();
    }

    @Test
    void figuresBecomeMeasures() {
        var f = new UnitFigures.Figures(
                new UnitFigures.Ratio(9, 10),
                new UnitFigures.Ratio(3, 4),
                30,
                2.5,
                new UnitFigures.Ratio(0, 0),
                new UnitFigures.Ratio(1, 2),
                new UnitFigures.Ratio(5, 5),
                0,
                0,
                4,
                1);
        assertThat(InspectionKpi.COMPLETENESS.measure(f).value()).isCloseTo(0.9, within());
        assertThat(InspectionKpi.ACCURACY.measure(f).measured()).isFalse();
        assertThat(InspectionKpi.TURNAROUND.measure(f).measured()).isFalse();
        var onTime = InspectionKpi.ON_TIME_RETURNS.measure(f);
        assertThat(onTime.part()).isEqualTo(3);
        assertThat(onTime.whole()).isEqualTo(4);
    }

    @Test
    void periodsCoverTheirDaysAndRefuseWhatIsOutOfRange() {
        var today = LocalDate.of(2026, 5, 1);
        var q = InspectionPeriod.parse("QUARTER", "2025", "4", today);
        assertThat(q.from()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2025, 12, 31));
        var m = InspectionPeriod.parse("MONTH", "2024", "2", today);
        assertThat(m.to()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(InspectionPeriod.parse("YEAR", "2025", "", today).to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThatThrownBy(() -> InspectionPeriod.parse("QUARTER", "2025", "5", today))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactly("periodNo"));
        assertThatThrownBy(() -> InspectionPeriod.parse("WEEK", "1999", "", today))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactlyInAnyOrder("periodKind", "periodYear"));
    }

    @Test
    void aChecklistScoreIsANumberFromZeroToTheMaximum() {
        assertThat(PlanEvaluation.parseScore("7.5", 8)).isEqualTo(7.5);
        for (String bad : List.of("8.5", "-1", "NaN", "abc", "")) {
            assertThatThrownBy(() -> PlanEvaluation.parseScore(bad, 8))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field())
                            .containsExactly("score"));
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
