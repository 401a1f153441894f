package org.siarchive.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.siarchive.comparison.ComparisonEngine.Result;

/**
 * The {@code spark-submit} entry point (docs/adr/0134): reads the job from the platform's database
 * ({@link JobReader}), compares on the cluster the master URL names ({@link SparkComparisonEngine}) and writes
 * the result as Parquet ({@link ResultWriter}). The rows come from PostgreSQL, or from a Parquet export of the
 * job's datasets that the job writes first ({@code --export-to}) or that an earlier job wrote ({@code --rows-from}). For a recorded run it also checks the result against the counts
 * the platform stored and exits with 2 when a rule's hits or amount differ. It writes nothing to the database.
 *
 * <pre>
 * SIARCHIVE_DB_PASSWORD=… spark-submit --master spark://host:7077 --class org.siarchive.spark.ComparisonJob \
 *   siarchive-spark-0.1.0-SNAPSHOT-job.jar --jdbc-url=jdbc:postgresql://db:5432/siarchive --user=siarchive \
 *   --run=42 --out=/data/comparison/run-42
 * </pre>
 */
public final class ComparisonJob {

    private ComparisonJob() {}

    public static void main(String[] args) {
        var arguments = JobArguments.parse(args, System.getenv());
        var spark = SparkSession.builder().appName("siarchive-comparison").getOrCreate();
        int status;
        try {
            status = run(spark, arguments).differences().isEmpty() ? 0 : 2;
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    /** A job's result and what differs from the recorded run's counts (empty when equal or not a run). */
    record Outcome(Result result, List<String> differences) {}

    static Outcome run(SparkSession spark, JobArguments a) {
        var jdbc = a.jdbc();
        var reader = new JobReader(jdbc);
        var job = reader.read(a);
        RowSource source = jdbc;
        if (a.exportTo() != null) {
            source = ParquetSource.export(spark, jdbc, job.inputs(), a.exportTo());
        } else if (a.rowsFrom() != null) {
            source = new ParquetSource(a.rowsFrom());
        }
        long t0 = System.nanoTime();
        var result = new SparkComparisonEngine(spark, source).compare(job);
        System.out.printf(
                "compared %d rules on %d datasets in %,d ms: %,d hits%n",
                job.rules().size(),
                job.inputs().size(),
                (System.nanoTime() - t0) / 1_000_000,
                result.hits().size());
        new ResultWriter(spark).write(result, a.out());
        return new Outcome(result, a.run() == null ? List.of() : differences(result, reader.recorded(a.run())));
    }

    private static List<String> differences(Result result, java.util.Map<Long, JobReader.Recorded> recorded) {
        var out = new ArrayList<String>();
        for (var c : result.rules()) {
            var r = recorded.get(c.versionId());
            String line = "rule version %d: %,d hits, %,d cents; recorded %s"
                    .formatted(c.versionId(), c.hits(), c.amountCents(), r);
            System.out.println(line);
            if (r == null || r.hits() != c.hits() || r.amountCents() != c.amountCents()) {
                out.add(line);
            }
        }
        return out;
    }
}
