package org.siarchive.supervision;

import org.jspecify.annotations.Nullable;
import org.siarchive.analytics.UnitFigures;
import org.siarchive.shared.Labelled;

/**
 * The KPIs an inspection scores, each read from {@link UnitFigures} for a unit and the plan's period: a share
 * (higher is better, the target a share) or the mean loan approval time in hours (lower is better). Default
 * targets and weights (Σ 60 of 100 points; the checklist gives the other 40) may be changed in configuration
 * {@code siarchive.supervision.kpi.<CODE>=target:weight}; a plan copies them when it is made (docs/adr/0092).
 */
enum InspectionKpi implements Labelled {
    COMPLETENESS(false, 0.95, 10),
    TIMELINESS(false, 0.90, 10),
    ACCURACY(false, 0.98, 10),
    DIGITISATION(false, 0.95, 8),
    FIXITY(false, 0.99, 8),
    TURNAROUND(true, 48, 7),
    ON_TIME_RETURNS(false, 0.95, 7);

    private final boolean lowerIsBetter;
    private final double defaultTarget;
    private final double defaultWeight;

    InspectionKpi(boolean lowerIsBetter, double defaultTarget, double defaultWeight) {
        this.lowerIsBetter = lowerIsBetter;
        this.defaultTarget = defaultTarget;
        this.defaultWeight = defaultWeight;
    }

    boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** Whether the target and value are shares (shown as percentages) rather than hours. */
    public boolean share() {
        return !lowerIsBetter;
    }

    double defaultTarget() {
        return defaultTarget;
    }

    double defaultWeight() {
        return defaultWeight;
    }

    @Override
    public String labelKey() {
        return "supervision.kpi." + name();
    }

    /** What the figures say of this KPI: counted part and whole (null for hours) and the value, null if none. */
    record Measure(@Nullable Long part, @Nullable Long whole, @Nullable Double value) {

        boolean measured() {
            return value != null;
        }
    }

    Measure measure(UnitFigures.Figures f) {
        return switch (this) {
            case COMPLETENESS -> ratio(f.completeness());
            case TIMELINESS -> ratio(f.timeliness());
            case ACCURACY -> ratio(f.accuracy());
            case DIGITISATION -> ratio(f.digitisation());
            case FIXITY -> ratio(f.fixity());
            case TURNAROUND ->
                new Measure(null, f.loansDecided(), f.loansDecided() == 0 ? null : f.averageApprovalHours());
            case ON_TIME_RETURNS -> ratio(new UnitFigures.Ratio(f.physicalOut() - f.overdue(), f.physicalOut()));
        };
    }

    private static Measure ratio(UnitFigures.Ratio r) {
        return new Measure(r.part(), r.whole(), r.whole() == 0 ? null : r.share());
    }
}
