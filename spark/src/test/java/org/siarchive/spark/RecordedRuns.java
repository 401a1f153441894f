package org.siarchive.spark;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.siarchive.comparison.ComparisonChecks;
import org.siarchive.comparison.ComparisonEngine.Job;
import org.siarchive.comparison.ComparisonEngine.Result;
import org.siarchive.comparison.ComparisonEngine.RuleRun;
import org.siarchive.comparison.RuleDefinition;

/**
 * Writes what the platform records for the Spark job to read: rule versions ({@code comparison_rule_version})
 * and a finished run with its rule counts and inputs, as {@code ComparisonRuns} stores them.
 */
final class RecordedRuns {

    private final DataSource dataSource;

    RecordedRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores each rule as a new version and answers the rule runs with their version ids. */
    List<RuleRun> versions(List<RuleDefinition> rules) {
        var out = new ArrayList<RuleRun>();
        try (var c = dataSource.getConnection();
                var st = c.prepareStatement("insert into comparison_rule_version (rule_code, version, definition,"
                        + " digest, created_by) values (?, 1, ?, ?, 'test') returning id")) {
            for (var rule : rules) {
                String text = ComparisonChecks.canonical(rule);
                st.setString(1, rule.code());
                st.setString(2, text);
                st.setString(3, org.siarchive.crypto.Sm3.hex(org.siarchive.crypto.Sm3.digest(text)));
                try (var rs = st.executeQuery()) {
                    rs.next();
                    out.add(new RuleRun(rs.getLong(1), rule));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Records a finished run of the job with the result's counts and rows used; answers its id. */
    long finished(Job job, Result result) {
        try (var c = dataSource.getConnection()) {
            long run;
            try (var st = c.prepareStatement("insert into comparison_run (trigger_kind, org_id, org_path, as_of,"
                    + " state, started_by, finished_at, hits) values ('MANUAL', 1, '/1/', ?, 'FINISHED', 'test',"
                    + " now(), ?) returning id")) {
                st.setObject(1, job.asOf());
                st.setLong(2, result.hits().size());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    run = rs.getLong(1);
                }
            }
            try (var st = c.prepareStatement("insert into comparison_run_rule (run_id, rule_version_id, hits,"
                    + " amount_at_risk) values (?, ?, ?, ?::numeric / 100)")) {
                for (var count : result.rules()) {
                    st.setLong(1, run);
                    st.setLong(2, count.versionId());
                    st.setLong(3, count.hits());
                    st.setLong(4, count.amountCents());
                    st.executeUpdate();
                }
            }
            try (var st = c.prepareStatement(
                    "insert into comparison_run_input (run_id, dataset_id, file_sm3, rows_used) values (?, ?, ?, ?)")) {
                for (var d : job.inputs()) {
                    st.setLong(1, run);
                    st.setLong(2, d.id());
                    st.setString(3, d.fileSm3());
                    st.setLong(4, result.rowsUsed().getOrDefault(d.id(), 0L));
                    st.executeUpdate();
                }
            }
            return run;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
