package org.siarchive.spark;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.siarchive.shared.ReadableTime;

/**
 * The {@code spark-submit} entry point of the holdings statistics (docs/adr/0143): reads every item's facts from
 * the platform's PostgreSQL ({@link ItemSource}) or from a Parquet export of them, counts them with the platform's
 * classification ({@link SparkHoldings}) and writes {@code cells} and {@code months} as Parquet under {@code --out}.
 * With {@code --export-to=DIR} it first writes the facts to DIR; {@code --items-from=DIR} counts an earlier export
 * without reading the database. It writes nothing to the database.
 *
 * <pre>
 * SIARCHIVE_DB_PASSWORD=… spark-submit --master spark://host:7077 --class org.siarchive.spark.HoldingsJob \
 *   siarchive-spark-0.1.0-SNAPSHOT-job.jar --jdbc-url=jdbc:postgresql://db:5432/siarchive --user=siarchive \
 *   --out=/data/statistics/holdings [--partitions=64] [--time-zone=Asia/Shanghai]
 * </pre>
 */
public final class HoldingsJob {

    static final String USAGE = "usage: HoldingsJob (--jdbc-url=URL --user=NAME [--partitions=N] [--export-to=DIR]"
            + " | --items-from=DIR) --out=DIR [--time-zone=ZONE]; password in SIARCHIVE_DB_PASSWORD";

    private HoldingsJob() {}

    public static void main(String[] args) {
        var spark = SparkSession.builder().appName("siarchive-holdings").getOrCreate();
        try {
            run(spark, parse(args), System.getenv().getOrDefault("SIARCHIVE_DB_PASSWORD", ""));
        } finally {
            spark.stop();
        }
    }

    /** Counts the items the arguments name and writes the figures; the figures, as written. */
    static SparkHoldings.Figures run(SparkSession spark, Map<String, String> a, String password) {
        long t0 = System.nanoTime();
        Dataset<Row> facts;
        if (a.containsKey("items-from")) {
            facts = spark.read().schema(ItemSource.FACTS).parquet(a.get("items-from"));
        } else {
            var source = new ItemSource(
                    required(a, "jdbc-url"),
                    required(a, "user"),
                    password,
                    Integer.parseInt(a.getOrDefault("partitions", "16")));
            facts = source.facts(spark);
            if (a.containsKey("export-to")) {
                facts.write().mode(SaveMode.Overwrite).parquet(a.get("export-to"));
                facts = spark.read().schema(ItemSource.FACTS).parquet(a.get("export-to"));
            }
        }
        var zone = ZoneId.of(a.getOrDefault("time-zone", ReadableTime.DEFAULT_ZONE));
        var figures = SparkHoldings.figures(spark, facts, zone);
        String out = required(a, "out");
        figures.cells().write().mode(SaveMode.Overwrite).parquet(out + "/cells");
        figures.months().write().mode(SaveMode.Overwrite).parquet(out + "/months");
        System.out.printf("holdings figures written to %s in %,d ms%n", out, (System.nanoTime() - t0) / 1_000_000);
        return figures;
    }

    static Map<String, String> parse(String[] args) {
        var named = new HashMap<String, String>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("not --name=value: " + arg + "\n" + USAGE);
            }
            named.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        if (named.containsKey("password")) {
            throw new IllegalArgumentException("no --password: give it in SIARCHIVE_DB_PASSWORD\n" + USAGE);
        }
        if (named.containsKey("items-from") && (named.containsKey("export-to") || named.containsKey("jdbc-url"))) {
            throw new IllegalArgumentException("--items-from reads no database\n" + USAGE);
        }
        required(named, "out");
        return named;
    }

    private static String required(Map<String, String> named, String name) {
        var v = named.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        return v;
    }
}
