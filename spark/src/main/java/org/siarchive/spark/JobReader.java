package org.siarchive.spark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.siarchive.comparison.ComparisonChecks;
import org.siarchive.comparison.ComparisonEngine.Job;
import org.siarchive.comparison.ComparisonEngine.RuleRun;
import org.siarchive.comparison.RunDataset;

/**
 * Reads what to compare from the platform's tables: a recorded run (its as-of date, the rule versions and the
 * datasets it recorded, and the hits and amounts the platform found, to compare with), or loaded datasets by id
 * with the newest version of each named rule. Rule definitions are parsed by the platform's own code.
 */
final class JobReader {

    /** A rule version's hits and amount at risk as the platform recorded them. */
    record Recorded(long hits, long amountCents) {}

    private static final String DATASETS =
            "select d.id, d.kind, d.source, d.org_id, d.org_path, d.file_sm3, d.rows_loaded from reference_dataset d";

    private final JdbcSource jdbc;

    JobReader(JdbcSource jdbc) {
        this.jdbc = jdbc;
    }

    Job read(JobArguments a) {
        try (var c = jdbc.connect()) {
            if (a.run() != null) {
                long run = a.run();
                var asOf = one(
                        c,
                        "select as_of from comparison_run where id = ?",
                        run,
                        rs -> rs.getObject(1, LocalDate.class));
                var rules = rules(
                        c,
                        "select v.id, v.definition from comparison_run_rule r join comparison_rule_version v"
                                + " on v.id = r.rule_version_id where r.run_id = ? order by v.id",
                        run);
                var inputs = datasets(
                        c,
                        DATASETS
                                + " join comparison_run_input i on i.dataset_id = d.id where i.run_id = ? order by d.id",
                        run);
                return new Job(asOf, rules, inputs);
            }
            var rules = new ArrayList<RuleRun>();
            for (var code : a.rules()) {
                rules.addAll(rules(
                        c,
                        "select id, definition from comparison_rule_version where rule_code = ?"
                                + " order by version desc limit 1",
                        code));
            }
            if (rules.size() != a.rules().size()) {
                throw new IllegalArgumentException("unknown rule in " + a.rules());
            }
            var inputs =
                    datasets(c, DATASETS + " where d.id = any(?) and d.state = 'LOADED' order by d.id", a.datasets());
            return new Job(java.util.Objects.requireNonNull(a.asOf()), rules, inputs);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the job failed", e);
        }
    }

    /** The hits and amounts a recorded run stored, by rule version. */
    Map<Long, Recorded> recorded(long run) {
        var out = new TreeMap<Long, Recorded>();
        try (var c = jdbc.connect();
                var st = c.prepareStatement("select rule_version_id, hits, (amount_at_risk * 100)::int8"
                        + " from comparison_run_rule where run_id = ?")) {
            st.setLong(1, run);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Recorded(rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the run's counts failed", e);
        }
        return out;
    }

    private interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> list(Connection c, String sql, Object param, Mapper<T> mapper) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (param instanceof List<?> ids) {
                st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            } else {
                st.setObject(1, param);
            }
            var out = new ArrayList<T>();
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    private static <T> T one(Connection c, String sql, Object param, Mapper<T> mapper) throws SQLException {
        var all = list(c, sql, param, mapper);
        if (all.size() != 1) {
            throw new IllegalArgumentException("no such run: " + param);
        }
        return all.get(0);
    }

    private static List<RuleRun> rules(Connection c, String sql, Object param) throws SQLException {
        return list(c, sql, param, rs -> new RuleRun(rs.getLong(1), ComparisonChecks.rule(rs.getString(2))));
    }

    private static List<RunDataset> datasets(Connection c, String sql, Object param) throws SQLException {
        return list(
                c,
                sql,
                param,
                rs -> new RunDataset(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7)));
    }
}
