package org.siarchive.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.comparison.ComparisonChecks;
import org.siarchive.comparison.ComparisonEngine;
import org.siarchive.comparison.ComparisonEngine.Job;
import org.siarchive.comparison.ComparisonEngine.RuleRun;
import org.siarchive.comparison.PlantedData;
import org.siarchive.comparison.RuleDefinition;

/**
 * The Spark engine gives the in-process engine's result on the same data and rules: every rule of the catalogue
 * on the planted data and its background rows (a real PostgreSQL, the platform's migrations), the same hits in
 * the same order (dedupe key, token, rows, months, amount, agency), the same counts and amounts per rule and
 * the same rows used per dataset; each rule finds exactly its planted persons. The Spark side runs through the
 * job's entry point on the run the in-process result was recorded as, so reading a job, the check against the
 * recorded counts and the Parquet output are proved with it. A rule changed on one side only
 * shows as a difference, so the comparison can fail. {@code -Dsiarchive.spark.recipients=} sets the background
 * size (default 50,000 recipients and 10,000 deaths).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkComparisonEngineIT {

    static final int RECIPIENTS = Integer.getInteger("siarchive.spark.recipients", 50_000);

    PlantedDatabase db;
    SparkSession spark;
    Job job;
    RecordedRuns runs;

    @TempDir
    Path out;

    @BeforeAll
    void start() {
        long t0 = System.nanoTime();
        db = new PlantedDatabase(RECIPIENTS);
        long t1 = System.nanoTime();
        spark = SparkSessions.local();
        long t2 = System.nanoTime();
        runs = new RecordedRuns(db.dataSource());
        job = new Job(PlantedData.AS_OF, runs.versions(ComparisonChecks.catalogue()), db.datasets());
        System.out.printf(
                "set-up: PostgreSQL, migrations and %,d reference rows %,d ms; Spark local[2] start %,d ms%n",
                db.rows(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    @AfterAll
    void stop() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    private ComparisonEngine spark() {
        return new SparkComparisonEngine(spark, db.jdbc(RECIPIENTS / 4));
    }

    /**
     * The in-process engine compares and its run is recorded as the platform records one; the Spark job then
     * reads that run back (its rule versions, datasets and as-of date), compares on Spark and writes Parquet.
     */
    @Test
    void sparkFindsWhatTheInProcessEngineFindsOnEveryRule() {
        long t0 = System.nanoTime();
        var inProcess = ComparisonEngine.inProcess(db.dataSource()).compare(job);
        long t1 = System.nanoTime();
        long run = runs.finished(job, inProcess);
        var jdbc = db.jdbc(RECIPIENTS / 4);
        var arguments = JobArguments.parse(
                new String[] {
                    "--jdbc-url=" + jdbc.url(),
                    "--user=" + jdbc.user(),
                    "--run=" + run,
                    "--out=" + out,
                    "--rows-per-partition=" + jdbc.rowsPerPartition()
                },
                Map.of());
        long t2 = System.nanoTime();
        var outcome = ComparisonJob.run(spark, arguments);
        long t3 = System.nanoTime();
        var onSpark = outcome.result();
        System.out.printf(
                "comparison of %,d rows, %d rules: in-process %,d ms, Spark local[2] %,d ms (job with Parquet %,d ms);"
                        + " %,d hits%n",
                db.rows(),
                job.rules().size(),
                (t1 - t0) / 1_000_000,
                onSpark.loadMs() + onSpark.joinMs(),
                (t3 - t2) / 1_000_000,
                onSpark.hits().size());

        assertThat(Results.differences(inProcess, onSpark))
                .as("in-process vs Spark")
                .isEmpty();
        assertThat(Results.hits(onSpark)).isEqualTo(Results.hits(inProcess));
        assertThat(Results.counts(onSpark)).isEqualTo(Results.counts(inProcess));
        assertThat(onSpark.rowsUsed()).isEqualTo(inProcess.rowsUsed());
        assertThat(onSpark.rowsUsed().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isPositive();
        assertThat(outcome.differences())
                .as("Spark vs the run's recorded counts")
                .isEmpty();
        assertThat(Results.persons(onSpark))
                .as("each rule's persons found vs planted; near-misses must not appear")
                .isEqualTo(db.expected());
        long planted =
                db.expected().values().stream().mapToLong(java.util.Set::size).sum();
        assertThat(onSpark.hits()).hasSize((int) planted);
        assertThat(spark.read().parquet(out + "/hits").count()).isEqualTo(planted);
        assertThat(spark.read().parquet(out + "/rules").count())
                .isEqualTo(job.rules().size());
    }

    /**
     * The job named by datasets, rule codes and a date, writing the rows as Parquet first and comparing on that
     * export: the same result as the in-process engine (a join, a self-join and an anti-join).
     */
    @Test
    void aJobOnAParquetExportOfTheRowsFindsTheSame() {
        var codes = List.of("DEATH_PAYMENT", "DUPLICATE_ENROLMENT", "NOT_ENROLLED");
        var rules = codes.stream()
                .map(code -> job.rules().stream()
                        .filter(r -> r.rule().code().equals(code))
                        .findFirst()
                        .orElseThrow())
                .toList();
        var inProcess = ComparisonEngine.inProcess(db.dataSource()).compare(new Job(job.asOf(), rules, job.inputs()));
        var jdbc = db.jdbc(RECIPIENTS / 4);
        var ids = job.inputs().stream().map(d -> Long.toString(d.id())).toList();
        var outcome = ComparisonJob.run(
                spark,
                JobArguments.parse(
                        new String[] {
                            "--jdbc-url=" + jdbc.url(),
                            "--user=" + jdbc.user(),
                            "--datasets=" + String.join(",", ids),
                            "--rules=" + String.join(",", codes),
                            "--as-of=" + job.asOf(),
                            "--export-to=" + out.resolve("rows"),
                            "--out=" + out.resolve("explicit")
                        },
                        Map.of()));

        assertThat(Results.differences(inProcess, outcome.result())).isEmpty();
        assertThat(Results.hits(outcome.result())).isEqualTo(Results.hits(inProcess));
        assertThat(spark.read().parquet(out.resolve("rows").toString()).count()).isEqualTo(db.rows());
    }

    @Test
    void aRuleChangedOnOneSideOnlyIsADifference() {
        var death = job.rules().stream()
                .filter(r -> r.rule().code().equals("DEATH_PAYMENT"))
                .findFirst()
                .orElseThrow();
        var stricter = new RuleRun(death.versionId(), withParam(death.rule(), "minMonths", 6));
        var inProcess =
                ComparisonEngine.inProcess(db.dataSource()).compare(new Job(job.asOf(), List.of(death), job.inputs()));
        var onSpark = spark().compare(new Job(job.asOf(), List.of(stricter), job.inputs()));

        // paid 7 months after death is found by both, 5 and fewer only by the unchanged rule
        assertThat(Results.differences(inProcess, onSpark)).isNotEmpty().anySatisfy(d -> assertThat(d)
                .startsWith("rule counts"));
        assertThat(onSpark.hits()).hasSizeLessThan(inProcess.hits().size()).isNotEmpty();
    }

    private static RuleDefinition withParam(RuleDefinition rule, String name, Object value) {
        var check = rule.checks().get(0);
        Map<String, Object> params = new HashMap<>(check.params());
        params.put(name, value);
        var changed =
                new RuleDefinition.Check(check.subject(), check.other(), check.condition(), params, check.amount());
        return new RuleDefinition(rule.code(), rule.action(), rule.deadlineDays(), List.of(changed));
    }
}
