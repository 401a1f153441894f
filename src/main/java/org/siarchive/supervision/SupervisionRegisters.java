package org.siarchive.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siarchive.catalog.AccountNames;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Register.Column;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The registers of supervision: a plan's results (KPIs and checklist per unit), its ranking, rectifications. */
@Component
class SupervisionRegisters {

    private final PlanEvaluation evaluation;
    private final MessageSource messages;
    private final AccountNames people;
    private final Organisations organisations;
    private final ReadableTime time;

    SupervisionRegisters(
            PlanEvaluation evaluation,
            MessageSource messages,
            AccountNames people,
            Organisations organisations,
            ReadableTime time) {
        this.evaluation = evaluation;
        this.messages = messages;
        this.people = people;
        this.organisations = organisations;
        this.time = time;
    }

    Register results(InspectionPlan plan, Locale locale) {
        var rows = new ArrayList<List<?>>();
        var values = evaluation.kpis(plan);
        var scores = evaluation.checklist(plan);
        for (var unit : plan.units()) {
            for (var t : plan.kpis()) {
                var v = values.stream()
                        .filter(x -> x.orgId() == unit.orgId() && x.kpi() == t.kpi())
                        .findFirst();
                rows.add(List.of(
                        unit.name(),
                        label(t.kpi().labelKey(), locale),
                        v.map(x -> KpiText.value(t.kpi(), x.value())).orElse("—"),
                        KpiText.target(t.kpi(), t.target()) + (t.kpi().share() ? "%" : ""),
                        KpiText.number(t.weight()),
                        v.map(x -> KpiText.number(x.score())).orElse("—"),
                        ""));
            }
            for (var item : plan.items()) {
                var s = scores.stream()
                        .filter(x -> x.orgId() == unit.orgId() && x.code().equals(item.code()))
                        .findFirst();
                rows.add(List.of(
                        unit.name(),
                        label("supervision.checklist." + item.code(), locale),
                        "",
                        "",
                        KpiText.number(item.maxScore()),
                        s.map(x -> KpiText.number(x.score())).orElse("—"),
                        s.map(x -> x.note() == null ? "" : x.note()).orElse("")));
            }
        }
        return new Register(
                "supervision.export.results",
                List.of(
                        Column.of("supervision.unit", 16),
                        Column.of("supervision.export.measure", 16),
                        Column.of("supervision.value", 9),
                        Column.of("supervision.target", 8),
                        Column.of("supervision.export.weightOrMax", 8),
                        Column.of("supervision.score", 7),
                        Column.of("supervision.note", 20)),
                rows);
    }

    Register ranking(InspectionPlan plan) {
        var rows = new ArrayList<List<?>>();
        for (var r : Ranking.of(plan, evaluation.kpis(plan), evaluation.checklist(plan))) {
            rows.add(List.of(r.rank(), r.unit().name(), r.kpiScore(), r.checklistScore(), r.total()));
        }
        return new Register(
                "supervision.export.ranking",
                List.of(
                        Column.of("supervision.rank", 5),
                        Column.of("supervision.unit", 20),
                        Column.of("supervision.kpiScore", 9),
                        Column.of("supervision.checklistScore", 9),
                        Column.of("supervision.total", 8)),
                rows);
    }

    Register rectifications(List<Rectification> items, Locale locale) {
        var today = time.today();
        var rows = new ArrayList<List<?>>();
        for (var r : items) {
            rows.add(List.of(
                    r.rectNo(),
                    r.planNo(),
                    organisations.byId(r.orgId()).map(o -> o.name()).orElse(""),
                    r.title(),
                    r.owner() == null ? label("supervision.ownerUnit", locale) : people.nameOf(r.owner()),
                    r.deadline(),
                    label(r.state().labelKey(), locale),
                    label(r.overdue(today) ? "supervision.overdue.yes" : "supervision.overdue.no", locale)));
        }
        return new Register(
                "supervision.export.rectifications",
                List.of(
                        Column.of("supervision.rectNo", 11),
                        Column.of("supervision.planNo", 11),
                        Column.of("supervision.unit", 14),
                        Column.of("supervision.rectTitle", 22),
                        Column.of("supervision.owner", 10),
                        Column.of("supervision.deadline", 10),
                        Column.of("supervision.state", 8),
                        Column.of("supervision.overdue", 6)),
                rows);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
