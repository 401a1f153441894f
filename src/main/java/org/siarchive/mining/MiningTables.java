package org.siarchive.mining;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Register;
import org.siarchive.shared.Register.Column;
import org.siarchive.shared.Violation;

/**
 * The result tables of a run — the same rows on the page and in the Excel download: trends, the capacity forecast,
 * seasonal indices, co-missing material rules and step transitions. Every cell is already what people read.
 */
final class MiningTables {

    /** The tables, by the name their download carries. */
    static final List<String> NAMES = List.of("trends", "capacity", "seasonal", "rules", "transitions");

    private MiningTables() {}

    static Register table(String name, MiningResult r, MiningNames n) {
        return switch (name) {
            case "trends" -> trends(r, n);
            case "capacity" -> capacity(r);
            case "seasonal" -> seasonal(r, n);
            case "rules" -> rules(r, n);
            case "transitions" -> transitions(r, n);
            default -> throw new InvalidInputException(Violation.of("table", "code"));
        };
    }

    private static Register trends(MiningResult r, MiningNames n) {
        var rows = new ArrayList<List<?>>();
        for (var t : r.trends()) {
            rows.add(List.of(
                    n.series(t),
                    t.firstMonth(),
                    t.actual().length,
                    MiningExplanations.amount(t.mean(), t) + " " + n.label("mining.unit." + t.measure()),
                    MiningExplanations.amount(t.slope() * 12, t),
                    MiningNames.decimal(t.rSquared()),
                    t.seasonal() ? n.month(t.peakMonth()) : "—",
                    t.seasonal() ? MiningNames.percent(t.peakShare()) : "—",
                    MiningExplanations.amount(t.forecastTotal(), t),
                    MiningExplanations.trend(t, n)));
        }
        return new Register(
                "mining.table.trends",
                List.of(
                        Column.of("mining.col.series", 16),
                        Column.of("mining.col.firstMonth", 8),
                        Column.of("mining.col.months", 5),
                        Column.of("mining.col.mean", 10),
                        Column.of("mining.col.yearlyChange", 8),
                        Column.of("mining.col.rSquared", 5),
                        Column.of("mining.col.peakMonth", 5),
                        Column.of("mining.col.peakShare", 6),
                        Column.of("mining.col.forecast12", 8),
                        Column.of("mining.col.explanation", 60)),
                rows);
    }

    /** The next twelve months of the scope's items, pages and storage with their 95 % intervals. */
    private static Register capacity(MiningResult r) {
        var rows = new ArrayList<List<?>>();
        var byMeasure = new Trend[3];
        for (var t : r.trends()) {
            if (t.kind() == Trend.Kind.TOTAL) {
                byMeasure[t.measure().ordinal()] = t;
            }
        }
        var items = byMeasure[0];
        if (items != null) {
            YearMonth next = YearMonth.parse(items.firstMonth()).plusMonths(items.actual().length);
            for (int h = 0; h < SeasonalModel.HORIZON; h++) {
                var row = new ArrayList<Object>();
                row.add(next.plusMonths(h).toString());
                for (var t : byMeasure) {
                    row.add(t == null ? "—" : MiningExplanations.amount(t.forecast()[h], t));
                    row.add(t == null ? "—" : MiningExplanations.amount(t.lower()[h], t));
                    row.add(t == null ? "—" : MiningExplanations.amount(t.upper()[h], t));
                }
                rows.add(row);
            }
        }
        var columns = new ArrayList<Column>();
        columns.add(Column.of("mining.col.month", 8));
        for (String m : List.of("Items", "Pages", "Bytes")) {
            columns.add(Column.of("mining.col.forecast" + m, 8));
            columns.add(Column.of("mining.col.lower" + m, 8));
            columns.add(Column.of("mining.col.upper" + m, 8));
        }
        return new Register("mining.table.capacity", columns, rows);
    }

    /** The month effects of the seasonal series as a share of their monthly mean. */
    private static Register seasonal(MiningResult r, MiningNames n) {
        var rows = new ArrayList<List<?>>();
        for (var t : r.trends()) {
            if (!t.seasonal() || t.measure() != MonthlyVolumes.Measure.ITEMS || t.kind() == Trend.Kind.STEP_REGION) {
                continue;
            }
            var row = new ArrayList<Object>();
            row.add(n.series(t));
            for (int m = 0; m < 12; m++) {
                row.add(MiningNames.percent(t.mean() <= 0 ? 0 : t.effects()[m] / t.mean()));
            }
            rows.add(row);
        }
        var columns = new ArrayList<Column>();
        columns.add(Column.of("mining.col.series", 16));
        for (int m = 1; m <= 12; m++) {
            columns.add(Column.of("mining.monthShort." + m, 5));
        }
        return new Register("mining.table.seasonal", columns, rows);
    }

    private static Register rules(MiningResult r, MiningNames n) {
        var rows = new ArrayList<List<?>>();
        for (var rule : r.rules()) {
            rows.add(List.of(
                    n.step(rule.step()),
                    n.materials(rule.antecedent()),
                    n.materials(rule.consequent()),
                    rule.count(),
                    MiningNames.percent(rule.support()),
                    MiningNames.percent(rule.confidence()),
                    MiningNames.decimal(rule.lift()),
                    MiningExplanations.rule(rule, n)));
        }
        return new Register(
                "mining.table.rules",
                List.of(
                        Column.of("mining.col.step", 10),
                        Column.of("mining.col.antecedent", 16),
                        Column.of("mining.col.consequent", 16),
                        Column.of("mining.col.items", 6),
                        Column.of("mining.col.support", 6),
                        Column.of("mining.col.confidence", 6),
                        Column.of("mining.col.lift", 5),
                        Column.of("mining.col.explanation", 50)),
                rows);
    }

    private static Register transitions(MiningResult r, MiningNames n) {
        var rows = new ArrayList<List<?>>();
        for (var t : r.transitions()) {
            rows.add(List.of(
                    n.step(t.from()),
                    n.step(t.to()),
                    t.count(),
                    MiningNames.percent(t.support()),
                    MiningNames.percent(t.confidence()),
                    MiningNames.number(t.medianDays()),
                    MiningExplanations.transition(t, n)));
        }
        return new Register(
                "mining.table.transitions",
                List.of(
                        Column.of("mining.col.fromStep", 10),
                        Column.of("mining.col.toStep", 10),
                        Column.of("mining.col.times", 6),
                        Column.of("mining.col.support", 6),
                        Column.of("mining.col.confidence", 6),
                        Column.of("mining.col.medianDays", 6),
                        Column.of("mining.col.explanation", 50)),
                rows);
    }
}
