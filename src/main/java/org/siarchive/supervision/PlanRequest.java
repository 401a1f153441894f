package org.siarchive.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/**
 * A plan as typed in the console: title, period and the ids of the units to inspect (checked against the
 * inspector's subtree by {@link InspectionPlans}); and the targets and weights as typed when a draft is
 * changed. Parsing names each broken field, every one at once.
 */
record PlanRequest(String title, String periodKind, String periodYear, String periodNo, List<String> orgIds) {

    static final int MAX_TITLE = 200;
    static final int MAX_UNITS = 50;
    static final double MAX_WEIGHT = 100;
    static final double MAX_HOURS = 24 * 365;

    PlanRequest {
        title = title == null ? "" : title.strip();
        periodKind = periodKind == null ? "" : periodKind;
        periodYear = periodYear == null ? "" : periodYear;
        periodNo = periodNo == null ? "" : periodNo;
        orgIds = orgIds == null ? List.of() : List.copyOf(orgIds);
    }

    /** The checked period and unit ids; throws every broken rule at once. */
    record Checked(String title, InspectionPeriod.Span period, List<Long> orgIds) {}

    Checked check(LocalDate today) {
        var v = new ArrayList<Violation>();
        title(title).ifPresent(v::add);
        InspectionPeriod.Span span = null;
        try {
            span = InspectionPeriod.parse(periodKind, periodYear, periodNo, today);
        } catch (InvalidInputException e) {
            v.addAll(e.violations());
        }
        var ids = new LinkedHashSet<Long>();
        for (String s : orgIds) {
            try {
                ids.add(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                v.add(Violation.of("orgIds", "integer"));
                break;
            }
        }
        if (ids.isEmpty() && v.stream().noneMatch(x -> x.field().equals("orgIds"))) {
            v.add(Violation.of("orgIds", "required"));
        } else if (ids.size() > MAX_UNITS) {
            v.add(new Violation("orgIds", "tooManyUnits", "supervision.rule.tooManyUnits", List.of("" + MAX_UNITS)));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new Checked(title, span, List.copyOf(ids));
    }

    static java.util.Optional<Violation> title(String title) {
        if (title.isBlank()) {
            return java.util.Optional.of(Violation.of("title", "required"));
        }
        if (title.length() > MAX_TITLE) {
            return java.util.Optional.of(Violation.of("title", "maxLength", MAX_TITLE));
        }
        return org.siarchive.shared.Bounds.text("title", title, MAX_TITLE);
    }

    /**
     * Targets and weights as typed ({@code target.<KPI>}, {@code weight.<KPI>}; shares as percentages, the
     * approval time in hours): every KPI must be given, a share target in (0, 100], hours in (0, 8760],
     * weights in [0, 100].
     */
    static Map<InspectionKpi, SupervisionSettings.Target> targets(Map<String, String> typed) {
        var v = new ArrayList<Violation>();
        var out = new java.util.EnumMap<InspectionKpi, SupervisionSettings.Target>(InspectionKpi.class);
        for (var k : InspectionKpi.values()) {
            double max = k.share() ? 100 : MAX_HOURS;
            Double t = number(typed.get("target." + k.name()), "target." + k.name(), max, true, v);
            Double w = number(typed.get("weight." + k.name()), "weight." + k.name(), MAX_WEIGHT, false, v);
            if (t != null && w != null) {
                out.put(k, new SupervisionSettings.Target(k.share() ? t / 100 : t, w));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return out;
    }

    private static @Nullable Double number(
            @Nullable String s, String field, double max, boolean positive, List<Violation> v) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            v.add(Violation.of(field, "required"));
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isNaN(d) || d < 0 || positive && d == 0 || d > max) {
                v.add(Violation.of(field, "range", positive ? "0.01" : "0", fmt(max)));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            v.add(new Violation(field, "number", "supervision.rule.number", List.of()));
            return null;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
