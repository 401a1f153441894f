package org.siarchive.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.siarchive.comparison.ComparisonChecks;
import org.siarchive.comparison.ComparisonEngine;
import org.siarchive.comparison.RunDataset;

/**
 * The comparison engine on Spark (docs/adr/0134). One Spark job per comparison: every dataset a check reads is
 * read once, from PostgreSQL in row ranges ({@link JdbcSource}) or from a Parquet export ({@link ParquetSource}), the rows are grouped by token into one list per
 * person (one shuffle), and every check runs on every person through the platform's rule code
 * ({@link PersonChecks}); only hits and counts come back. On the driver each check's hits are put in the order
 * the platform's reduction gives them (subject row, then matched row) and merged rule by rule, check by check,
 * with {@link ComparisonChecks.RuleHits}, as the in-process engine does, so the two results are equal. Rows used
 * per dataset are, as there, the most any one check read. {@code probeRows} and {@code buildRows} count the
 * rows of the subject and the other sides over the checks; {@code loadMs} is the Spark job (read, group,
 * evaluate: they run as one pipeline), {@code joinMs} the merge on the driver; rule durations are not measured
 * apart (0).
 */
public final class SparkComparisonEngine implements ComparisonEngine {

    private static final Comparator<Hit> PLACE = Comparator.comparingLong(Hit::subjectDataset)
            .thenComparingLong(Hit::subjectRow)
            .thenComparingLong(Hit::otherDataset)
            .thenComparingLong(Hit::otherRow);

    private final SparkSession spark;
    private final RowSource source;

    public SparkComparisonEngine(SparkSession spark, RowSource source) {
        this.spark = spark;
        this.source = source;
    }

    @Override
    public Result compare(Job job) {
        var checks = new ArrayList<ComparisonChecks.Check>();
        job.rules().forEach(rule -> checks.addAll(ComparisonChecks.checks(job, rule)));
        long t0 = System.nanoTime();
        var found = evaluate(checks);
        long t1 = System.nanoTime();
        var hits = new ArrayList<Hit>();
        var counts = new ArrayList<RuleCount>();
        var used = new HashMap<Long, Long>();
        long subjectRows = 0;
        long otherRows = 0;
        for (var rule : job.rules()) {
            var ruleHits = new ComparisonChecks.RuleHits();
            for (int c = 0; c < checks.size(); c++) {
                var check = checks.get(c);
                if (check.rule() == rule) {
                    ruleHits.add(found.get(c).hits().stream().sorted(PLACE).toList());
                    var read = found.get(c).used();
                    read.forEach((k, v) -> used.merge(k, v, Math::max));
                    subjectRows += rows(check.subjectSets(), read);
                    otherRows += rows(check.otherSets(), read);
                }
            }
            counts.add(ruleHits.count(rule.versionId(), 0));
            hits.addAll(ruleHits.hits());
        }
        long t2 = System.nanoTime();
        return new Result(hits, counts, subjectRows, otherRows, used, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    /** Each check's hits and rows read per dataset, over all partitions. */
    private List<PersonChecks.Found> evaluate(List<ComparisonChecks.Check> checks) {
        var sets = new TreeMap<Long, RunDataset>();
        for (var c : checks) {
            c.subjectSets().forEach(d -> sets.put(d.id(), d));
            c.otherSets().forEach(d -> sets.put(d.id(), d));
        }
        var out = new ArrayList<PersonChecks.Found>();
        for (int c = 0; c < checks.size(); c++) {
            out.add(new PersonChecks.Found(c, new ArrayList<>(), new HashMap<>()));
        }
        if (sets.isEmpty()) {
            return out;
        }
        var rows = source.rows(spark, List.copyOf(sets.values()));
        Column[] all = Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
        var persons = rows.groupBy(col("token")).agg(collect_list(struct(all)).as("rows"));
        var evaluator = new PersonChecks(
                checks.stream().map(ComparisonChecks.Check::person).toList());
        for (var f : persons.mapPartitions(evaluator, Encoders.javaSerialization(PersonChecks.Found.class))
                .collectAsList()) {
            var into = out.get(f.check());
            into.hits().addAll(f.hits());
            f.used().forEach((k, v) -> into.used().merge(k, v, Long::sum));
        }
        return out;
    }

    private static long rows(List<RunDataset> sets, Map<Long, Long> used) {
        return sets.stream().mapToLong(d -> used.getOrDefault(d.id(), 0L)).sum();
    }
}
