package org.siarchive.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the platform cannot know — building areas, equipment, staff — entered by hand per unit and year and
 * kept per year (docs/adr/0090). Every change is audited (UPDATE, the row, old → new) in the transaction that makes
 * it; once the unit's report of the year is submitted they are frozen (409).
 */
@Component
class ManualFigures {

    private final JdbcClient jdbc;
    private final AnnualRows rows;
    private final AuditTrail audit;

    ManualFigures(JdbcClient jdbc, AnnualRows rows, AuditTrail audit) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.audit = audit;
    }

    /** The unit's own entries of the year, by row code. */
    Map<String, BigDecimal> own(long orgId, int year) {
        var out = new LinkedHashMap<String, BigDecimal>();
        jdbc.sql("select code, value from annual_manual_figure where org_id = :org and year = :year")
                .param("org", orgId)
                .param("year", year)
                .query(rs -> {
                    out.put(rs.getString("code"), rs.getBigDecimal("value"));
                });
        return out;
    }

    /** The entries of every unit of the subtree at {@code orgPath} for the year, summed per row code. */
    Map<String, BigDecimal> sum(String orgPath, int year) {
        var out = new LinkedHashMap<String, BigDecimal>();
        jdbc.sql(
                        """
                select code, sum(value) as total from annual_manual_figure
                 where org_path like :pattern and year = :year group by code
                """)
                .param("pattern", orgPath + "%")
                .param("year", year)
                .query(rs -> {
                    out.put(rs.getString("code"), rs.getBigDecimal("total"));
                });
        return out;
    }

    /**
     * Saves the unit's entries of the year from the form's text (row code → text; blank is 0). Every field is
     * checked before anything is written; the caller has checked the unit is within the data scope.
     */
    @Transactional
    void save(OrgUnit unit, int year, Map<String, String> raw, Access access) {
        var values = parse(raw);
        // the report's row is locked, so a submission running at the same time waits for these figures or wins
        boolean submitted = jdbc.sql(
                        "select state = 'SUBMITTED' from annual_report where org_id = :org and year = :year for update")
                .param("org", unit.id())
                .param("year", year)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (submitted) {
            throw new ConflictException("annual.conflict.submitted", year);
        }
        var before = own(unit.id(), year);
        for (var e : values.entrySet()) {
            BigDecimal old = before.get(e.getKey());
            if (old != null && old.compareTo(e.getValue()) == 0) {
                continue;
            }
            jdbc.sql(
                            """
                    insert into annual_manual_figure (org_id, org_path, year, code, value, updated_by)
                    values (:org, :path, :year, :code, :value, :by)
                    on conflict (org_id, year, code) do update
                       set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()
                    """)
                    .param("org", unit.id())
                    .param("path", unit.path())
                    .param("year", year)
                    .param("code", e.getKey())
                    .param("value", e.getValue())
                    .param("by", access.actor().name())
                    .update();
            audit.record(
                    access.actor(),
                    AuditedObject.ANNUAL_REPORT,
                    unit.code() + ":" + year,
                    AuditOperation.UPDATE,
                    null,
                    AuditDetail.of(
                                    "audit.detail.annualManual",
                                    AuditDetail.label("annual.row." + e.getKey()),
                                    old == null ? "—" : old.toPlainString(),
                                    e.getValue().toPlainString())
                            .encoded());
        }
    }

    /** Every manual row's value, or every broken rule at once (422 naming the field). */
    Map<String, BigDecimal> parse(Map<String, String> raw) {
        var violations = new ArrayList<Violation>();
        var out = new LinkedHashMap<String, BigDecimal>();
        for (var row : rows.manualRows()) {
            String text = raw.get(row.code());
            var value = value(row, text == null ? "" : text.strip(), violations);
            if (value != null) {
                out.put(row.code(), value);
            }
        }
        for (String field : raw.keySet()) {
            if (rows.manualRows().stream().noneMatch(r -> r.code().equals(field))) {
                violations.add(Violation.of(field, "unknownField"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return out;
    }

    private static @Nullable BigDecimal value(AnnualRows.Row row, String text, List<Violation> violations) {
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (text.length() > 20 || !text.matches("-?\\d+(\\.\\d+)?")) {
            violations.add(new Violation(row.code(), "number", "annual.rule.number", List.of()));
            return null;
        }
        var v = new BigDecimal(text);
        if (v.signum() < 0 || v.compareTo(row.max()) > 0) {
            violations.add(Violation.of(row.code(), "range", 0, row.max().toPlainString()));
            return null;
        }
        if (v.stripTrailingZeros().scale() > row.scale()) {
            violations.add(new Violation(
                    row.code(), "decimals", "annual.rule.decimals", List.of(String.valueOf(row.scale()))));
            return null;
        }
        return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
