package org.siarchive.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An inspection plan as the pages see it: its period, state, the units it inspects, the KPI targets and
 * weights and the checklist items it copied when it was made.
 */
record InspectionPlan(
        UUID id,
        String planNo,
        String title,
        InspectionPeriod.Span period,
        PlanState state,
        String orgPath,
        String createdBy,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime computedAt,
        @Nullable OffsetDateTime evaluatedAt,
        @Nullable OffsetDateTime closedAt,
        List<Unit> units,
        List<KpiTarget> kpis,
        List<SupervisionSettings.Item> items) {

    /** A unit inspected: its organisation id, path and name (organisation data, read when shown). */
    record Unit(long orgId, String orgPath, String name) {}

    /** A KPI of the plan with its target and weight. */
    record KpiTarget(InspectionKpi kpi, double target, double weight) {}

    boolean covers(long orgId) {
        return units.stream().anyMatch(u -> u.orgId() == orgId);
    }

    Unit unit(long orgId) {
        return units.stream()
                .filter(u -> u.orgId() == orgId)
                .findFirst()
                .orElseThrow(() -> new org.siarchive.shared.NotFoundException("ORG_UNIT", Long.toString(orgId)));
    }

    double checklistMax() {
        return items.stream().mapToDouble(SupervisionSettings.Item::maxScore).sum();
    }

    double kpiWeight() {
        return kpis.stream().mapToDouble(KpiTarget::weight).sum();
    }
}
