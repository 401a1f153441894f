package org.siarchive.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored annual reports and their figures (tables {@code annual_report}, {@code annual_report_figure}). */
@Component
class ReportRecords {

    /** Most reports one list shows. */
    static final int MAX_LIST = 500;

    /** One stored report. */
    record Report(
            long id,
            long orgId,
            String orgPath,
            String orgName,
            int year,
            String state,
            String computedBy,
            OffsetDateTime computedAt,
            @Nullable String submittedBy,
            @Nullable OffsetDateTime submittedAt,
            @Nullable UUID archiveItemId,
            @Nullable String archiveCode) {

        public boolean submitted() {
            return state.equals("SUBMITTED");
        }
    }

    private static final String SELECT =
            """
            select id, org_id, org_path, org_name, year, state, computed_by, computed_at, submitted_by, submitted_at,
                   archive_item_id, archive_code
              from annual_report
            """;

    private final JdbcClient jdbc;

    ReportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report if its unit is within the subtree pattern. */
    Optional<Report> byId(long id, String orgPattern) {
        return jdbc.sql(SELECT + " where id = :id and org_path like :pattern")
                .param("id", id)
                .param("pattern", orgPattern)
                .query(Report.class)
                .optional();
    }

    Optional<Report> of(long orgId, int year) {
        return jdbc.sql(SELECT + " where org_id = :org and year = :year")
                .param("org", orgId)
                .param("year", year)
                .query(Report.class)
                .optional();
    }

    /** Reports of the subtree, newest year first, then by unit; {@code year} null for every year. */
    List<Report> list(String orgPattern, @Nullable Integer year) {
        return jdbc.sql(SELECT
                        + " where org_path like :pattern and (cast(:year as int) is null or year = cast(:year as int))"
                        + " order by year desc, org_path limit :limit")
                .param("pattern", orgPattern)
                .param("year", year)
                .param("limit", MAX_LIST)
                .query(Report.class)
                .list();
    }

    /** Creates or replaces the unit's report of the year (not yet submitted) with these figures; its id. */
    long replace(OrgUnit unit, int year, Map<String, BigDecimal> figures, String actor, OffsetDateTime at) {
        long id = jdbc.sql(
                        """
                insert into annual_report (org_id, org_path, org_name, year, state, computed_by, computed_at)
                values (:org, :path, :name, :year, 'COMPUTED', :by, :at)
                on conflict (org_id, year) do update
                   set org_name = excluded.org_name, computed_by = excluded.computed_by,
                       computed_at = excluded.computed_at
                 where annual_report.state = 'COMPUTED'
                returning id
                """)
                .param("org", unit.id())
                .param("path", unit.path())
                .param("name", unit.name())
                .param("year", year)
                .param("by", actor)
                .param("at", at)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new org.siarchive.shared.ConflictException("annual.conflict.submitted", year));
        jdbc.sql("delete from annual_report_figure where report_id = :id")
                .param("id", id)
                .update();
        for (var e : figures.entrySet()) {
            jdbc.sql("insert into annual_report_figure (report_id, code, value) values (:id, :code, :value)")
                    .param("id", id)
                    .param("code", e.getKey())
                    .param("value", e.getValue())
                    .update();
        }
        return id;
    }

    Map<String, BigDecimal> figures(long id) {
        var out = new LinkedHashMap<String, BigDecimal>();
        jdbc.sql("select code, value from annual_report_figure where report_id = :id")
                .param("id", id)
                .query(rs -> {
                    out.put(rs.getString("code"), rs.getBigDecimal("value"));
                });
        return out;
    }

    /** Freezes a computed report; false when it was already submitted. */
    boolean submit(long id, String actor, OffsetDateTime at) {
        return jdbc.sql(
                                """
                update annual_report set state = 'SUBMITTED', submitted_by = :by, submitted_at = :at
                 where id = :id and state = 'COMPUTED'
                """)
                        .param("id", id)
                        .param("by", actor)
                        .param("at", at)
                        .update()
                == 1;
    }

    void archived(long id, UUID itemId, String archiveCode) {
        jdbc.sql("update annual_report set archive_item_id = :item, archive_code = :code where id = :id")
                .param("id", id)
                .param("item", itemId)
                .param("code", archiveCode)
                .update();
    }
}
