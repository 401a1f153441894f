package org.siarchive.comparison;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.siarchive.comparison.ComparisonEngine.Hit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a run's hits as warnings in bulk, inside the run's finishing transaction: the hits are COPied into
 * a temporary table, new dedupe keys become warnings (numbered {@code YJ}{year}{8 digits} from their own
 * sequence) with a RAISE event and masked evidence, known keys note the run as their last and get a
 * SEEN_AGAIN event. Answers the new warnings per rule version.
 */
@Component
class RunWarnings {

    /** Where a hit's warning goes and how it is due. */
    record Placement(long orgId, String orgPath, String action, LocalDate dueOn) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RunWarnings(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Map<Long, Long> store(long runId, List<Hit> hits, Function<Hit, Placement> placement, String actor, int year) {
        jdbc.sql("create temp table run_hit (dedupe_key bytea, rule_code varchar(32), rule_version_id bigint,"
                        + " token bytea, s_ds bigint, s_row bigint, o_ds bigint, o_row bigint, org_id bigint,"
                        + " org_path varchar(500), amount numeric(14, 2), months int, action varchar(16),"
                        + " due_on date) on commit drop")
                .update();
        copy(hits, placement);
        jdbc.sql("analyze run_hit").update();
        jdbc.sql(
                        """
                insert into comparison_warning (warning_no, rule_code, rule_version_id, first_run_id, last_run_id,
                    dedupe_key, token, cert_enc, name_masked, org_id, org_path, amount_at_risk, months_at_risk,
                    payment_action, due_on)
                select 'YJ' || :year || lpad(nextval('comparison_warning_no_seq')::text, 8, '0'), h.rule_code,
                    h.rule_version_id, :run, :run, h.dedupe_key, h.token, r.cert_enc, r.name_masked, h.org_id,
                    h.org_path, h.amount, h.months, h.action, h.due_on
                from run_hit h join reference_row r on r.dataset_id = h.s_ds and r.row_no = h.s_row
                where not exists (select 1 from comparison_warning w where w.dedupe_key = h.dedupe_key)
                on conflict (dedupe_key) do nothing""")
                .param("year", Integer.toString(year))
                .param("run", runId)
                .update();
        jdbc.sql("insert into comparison_warning_event (warning_id, seq, actor, action)"
                        + " select id, 1, :actor, 'RAISE' from comparison_warning where first_run_id = :run")
                .param("actor", actor)
                .param("run", runId)
                .update();
        evidence(runId);
        jdbc.sql(
                        """
                with seen as (
                    update comparison_warning w set last_run_id = :run from run_hit h
                    where w.dedupe_key = h.dedupe_key and w.first_run_id <> :run returning w.id)
                insert into comparison_warning_event (warning_id, seq, actor, action)
                select s.id, (select coalesce(max(e.seq), 0) + 1 from comparison_warning_event e
                              where e.warning_id = s.id), :actor, 'SEEN_AGAIN' from seen s""")
                .param("run", runId)
                .param("actor", actor)
                .update();
        var out = new HashMap<Long, Long>();
        jdbc.sql("select rule_version_id, count(*) from comparison_warning where first_run_id = :run"
                        + " group by rule_version_id")
                .param("run", runId)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return out;
    }

    private void evidence(long runId) {
        for (String side : List.of("1, h.s_ds, h.s_row", "2, h.o_ds, h.o_row")) {
            String[] p = side.split(", ");
            jdbc.sql(
                            "insert into comparison_warning_evidence (warning_id, seq, dataset_id, row_no, kind, source, facts)"
                                    + " select w.id, " + p[0] + ", r.dataset_id, r.row_no, d.kind, d.source,"
                                    + " json_strip_nulls(json_build_object('name', r.name_masked, 'birthYear',"
                                    + " extract(year from r.birth_date)::int, 'gender', r.gender, 'scheme', r.scheme,"
                                    + " 'subtype', r.subtype, 'status', r.status, 'start', r.start_date, 'end', r.end_date,"
                                    + " 'event', r.event_date, 'lastPaid', r.last_paid, 'amount', r.amount, 'region',"
                                    + " r.region_code, 'agency', r.agency_code, 'sourceRef', r.source_ref, 'asOf',"
                                    + " d.as_of))::text"
                                    + " from comparison_warning w join run_hit h on h.dedupe_key = w.dedupe_key"
                                    + " join reference_row r on r.dataset_id = " + p[1] + " and r.row_no = " + p[2]
                                    + " join reference_dataset d on d.id = r.dataset_id where w.first_run_id = :run")
                    .param("run", runId)
                    .update();
        }
    }

    private void copy(List<Hit> hits, Function<Hit, Placement> placement) {
        var hex = HexFormat.of();
        var csv = new StringBuilder(hits.size() * 200);
        for (var h : hits) {
            var p = placement.apply(h);
            csv.append("\\x").append(hex.formatHex(h.dedupeKey())).append(',');
            csv.append(h.ruleCode()).append(',').append(h.ruleVersionId()).append(',');
            csv.append("\\x").append(hex.formatHex(h.token())).append(',');
            csv.append(h.subjectDataset()).append(',').append(h.subjectRow()).append(',');
            csv.append(h.otherDataset() == 0 ? "" : Long.toString(h.otherDataset()))
                    .append(',');
            csv.append(h.otherDataset() == 0 ? "" : Long.toString(h.otherRow())).append(',');
            csv.append(p.orgId())
                    .append(",\"")
                    .append(p.orgPath().replace("\"", "\"\""))
                    .append("\",");
            csv.append(BigDecimal.valueOf(h.amountCents(), 2).toPlainString()).append(',');
            csv.append(h.months())
                    .append(',')
                    .append(p.action())
                    .append(',')
                    .append(p.dueOn())
                    .append('\n');
        }
        try {
            var c = DataSourceUtils.getConnection(dataSource);
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY run_hit FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("storing warnings failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
