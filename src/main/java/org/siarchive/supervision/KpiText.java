package org.siarchive.supervision;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How KPI figures read on pages and in exports: shares as percentages, hours with one decimal. */
final class KpiText {

    private KpiText() {}

    static String value(InspectionKpi kpi, @Nullable Double value) {
        if (value == null) {
            return "—";
        }
        return kpi.share()
                ? String.format(Locale.ROOT, "%.2f%%", value * 100)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A target as typed in the form: a share as a percentage, hours as they are. */
    static String target(InspectionKpi kpi, double target) {
        double shown = kpi.share() ? target * 100 : target;
        return number(shown);
    }

    static String number(@Nullable Double d) {
        if (d == null) {
            return "—";
        }
        double r = KpiScoring.round(d);
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.2f", r);
    }
}
