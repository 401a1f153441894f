package org.siarchive.checks;

import java.util.ArrayList;
import java.util.List;
import org.siarchive.shared.Register;
import org.springframework.stereotype.Component;

/**
 * The register of 四性检测 reports (四性检测报告登记表) as staff print it: 检测时间, 环节, 档号/对象, 检测项数, 通过,
 * 不通过, 结论, 检测人 — the cells the console's list shows for the same filter.
 */
@Component
class RunRegister {

    static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("checks.checkedAt", 16),
            Register.Column.of("checks.stage", 12),
            Register.Column.of("checks.object", 40),
            Register.Column.of("checks.itemCount", 8),
            Register.Column.of("checks.passedItems", 6),
            Register.Column.of("checks.failedItemsCol", 6),
            Register.Column.of("checks.overall", 8),
            Register.Column.of("checks.startedBy", 12));

    Register of(List<RunList.Row> rows) {
        return new Register(
                "checks.register",
                COLUMNS,
                rows.stream().map(RunRegister::cells).toList());
    }

    /** One run's cells, in the order of {@link #COLUMNS}. */
    static List<?> cells(RunList.Row r) {
        var cells = new ArrayList<Object>();
        cells.add(r.checkedAt());
        cells.add(r.stageName());
        cells.add(r.objectText());
        cells.add(r.itemCount());
        cells.add(r.passedItems());
        cells.add(r.failedItems());
        cells.add(r.conclusion());
        cells.add(r.startedBy());
        return cells;
    }
}
